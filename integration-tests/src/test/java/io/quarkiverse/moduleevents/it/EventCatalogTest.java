package io.quarkiverse.moduleevents.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The build of the example service writes its event catalog; this reads it as a tool would. The catalog read is the
 * one the running application's own build packaged; {@code target/module-events/}, which every build of this module
 * writes, is read only once its {@code catalog.json} is that same catalog.
 */
@QuarkusTest
class EventCatalogTest {

    private static final String IT = "io.quarkiverse.moduleevents.it.";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path WRITTEN = Path.of("target", "module-events");

    @Test
    void theCatalogTellsWhoSendsAndWhoReceivesEachEvent() throws IOException {
        JsonNode catalog = packagedCatalog();

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
    void theCatalogListsEachModulesDependenciesAllByEvents() throws IOException {
        JsonNode dependencies = packagedCatalog().get("dependencies");

        List<String> pairs = new ArrayList<>();
        dependencies.forEach(dependency -> pairs.add(dependency.get("module").asText() + " -> "
                + dependency.get("on").asText()));
        assertEquals(List.of("audit -> mail", "audit -> user", "crm -> user", "mail -> user"), pairs);
        assertEquals(List.of("user:account:created", "user:welcome:requested"),
                texts(dependencies.get(2).get("events")));
        // the example service builds with quarkus.module-events.boundaries=fail: no module uses another's types
        dependencies.forEach(dependency -> assertTrue(dependency.get("direct").isEmpty(), dependency::toString));
    }

    @Test
    void theHumanReadablePageDrawsTheFlow() throws IOException {
        assertEquals(packagedCatalog(), JSON.readTree(WRITTEN.resolve("catalog.json").toFile()),
                "target/module-events holds the catalog of another build");
        String page = Files.readString(WRITTEN.resolve("catalog.md"));

        assertTrue(page.contains("```mermaid\nflowchart LR\n"), page);
        assertTrue(page.contains("m3 --> e4([\"user:account:created\"])\n    e4 --> m2[\"audit\"]"), page);
    }

    private static JsonNode packagedCatalog() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/module-events/catalog.json")) {
            assertNotNull(in, "the application has no packaged catalog");
            return JSON.readTree(in);
        }
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
