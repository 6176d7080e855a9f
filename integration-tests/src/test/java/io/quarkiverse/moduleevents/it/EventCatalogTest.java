package io.quarkiverse.moduleevents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The build of the example service writes its event catalog; this reads it as a tool would.
 */
@QuarkusTest
class EventCatalogTest {

    private static final String IT = "io.quarkiverse.moduleevents.it.";

    @Test
    void theCatalogTellsWhoSendsAndWhoReceivesEachEvent() throws IOException {
        JsonNode catalog = new ObjectMapper().readTree(Path.of("target/module-events/catalog.json").toFile());

        assertEquals(List.of("mail", "user"), names(catalog.get("modules"), "name"));
        JsonNode user = catalog.get("modules").get(1);
        assertEquals(IT + "user.UserEvents", user.get("interface").asText());
        JsonNode accountCreated = user.get("events").get(0);
        assertEquals("user:account:created", accountCreated.get("name").asText());
        assertEquals(IT + "user.User", accountCreated.get("payload").asText());
        assertEquals(List.of(IT + "user.UserResource#register"), texts(accountCreated.get("senders")));
        assertEquals(List.of(IT + "audit.AuditLog#onAsyncUserEvent", IT + "audit.AuditLog#onUserEvent",
                IT + "mail.WelcomeMail#onAccountCreated", IT + "mail.GettingStartedMail#onAccountCreated",
                IT + "crm.CrmContacts#onAccountCreated"), names(accountCreated.get("receivers"), "method"));
        assertEquals(List.of("audit", "audit", "mail", "mail", "crm"), names(accountCreated.get("receivers"), "module"));
        assertEquals(List.of("false", "true", "true", "true", "true"),
                names(accountCreated.get("receivers"), "runs"));
        assertEquals(List.of("send"), names(accountCreated.get("sends"), "with"));
        JsonNode emailCreated = user.get("events").get(1);
        assertEquals("user:emails:created", emailCreated.get("name").asText());
        assertEquals(List.of("sendAsync"), names(emailCreated.get("sends"), "with"));
    }

    @Test
    void theHumanReadablePageDrawsTheFlow() throws IOException {
        String page = Files.readString(Path.of("target/module-events/catalog.md"));

        assertTrue(page.contains("```mermaid\nflowchart LR\n"), page);
        assertTrue(page.contains("m3 --> e4([\"user:account:created\"])\n    e4 --> m2[\"audit\"]"), page);
    }

    private static List<String> names(JsonNode array, String field) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.get(field).asText()));
        return names;
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(node -> texts.add(node.asText()));
        return texts;
    }
}
