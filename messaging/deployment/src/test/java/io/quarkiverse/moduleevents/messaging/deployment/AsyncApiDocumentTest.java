package io.quarkiverse.moduleevents.messaging.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.moduleevents.deployment.PayloadSchemasBuildItem;
import io.quarkiverse.moduleevents.messaging.deployment.AsyncApiDocument.Channel;

/**
 * How the AsyncAPI document places the payload schemas' definitions and names what would clash.
 */
class AsyncApiDocumentTest {

    private static final PayloadSchemasBuildItem SCHEMAS = new PayloadSchemasBuildItem(Map.of(
            "com.acme.user.Account", """
                    {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                     "properties": {"home": {"$ref": "#/$defs/Address"},
                                    "tree": {"type": "array", "items": {"$ref": "#/$defs/Node"}}},
                     "$defs": {"Address": {"type": "object", "properties": {"city": {"type": "string"}}},
                               "Node": {"type": "object",
                                        "properties": {"children": {"type": "array", "items": {"$ref": "#/$defs/Node"}}}}}}
                    """,
            "com.acme.billing.Address", """
                    {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                     "properties": {"iban": {"type": "string"}}}
                    """));

    @Test
    void definitionsMoveToTheComponentsAndTheirReferencesFollow() {
        JsonNode document = document(new Channel("users", true, AsyncApiDocument.KAFKA, "user-events",
                events("user:account:created", "com.acme.user.Account")));

        JsonNode schemas = document.at("/components/schemas");
        assertEquals(List.of("Account", "Address", "Node"), names(schemas));
        assertEquals("#/components/schemas/Address", schemas.at("/Account/properties/home/$ref").asText());
        assertEquals("#/components/schemas/Node", schemas.at("/Node/properties/children/items/$ref").asText());
        assertEquals("", schemas.at("/Account/$schema").asText(), "no $schema inside an AsyncAPI document");
        assertEquals("#/components/schemas/Account",
                document.at("/components/messages/user.account.created/payload/$ref").asText());
    }

    @Test
    void twoTypesOfOneSimpleNameAndOneEventOnTwoBrokersGetTwoNames() {
        JsonNode document = document(
                new Channel("users", true, AsyncApiDocument.KAFKA, "user-events",
                        events("user:account:created", "com.acme.user.Account")),
                new Channel("billing", true, AsyncApiDocument.AMQP, "billing",
                        events("user:account:created", "com.acme.user.Account", "billing:address:added",
                                "com.acme.billing.Address")));

        assertEquals(List.of("Account", "Address", "Address2", "Node"), names(document.at("/components/schemas")));
        assertEquals("iban", names(document.at("/components/schemas/Address2/properties")).get(0));
        assertEquals(List.of("billing.address.added", "user.account.created", "user.account.created.amqp"),
                names(document.at("/components/messages")));
        assertEquals("user:account:created",
                document.at("/components/messages/user.account.created.amqp/headers/properties")
                        .get("cloudEvents:type").get("const").asText());
        assertEquals("#/components/messages/user.account.created.amqp",
                document.at("/channels/billing.out/messages/user.account.created.amqp/$ref").asText());
    }

    private static JsonNode document(Channel... channels) {
        return AsyncApiDocument.of("shop", "1.0", List.of(channels), SCHEMAS);
    }

    private static Map<String, String> events(String... namesAndTypes) {
        Map<String, String> events = new LinkedHashMap<>();
        for (int i = 0; i < namesAndTypes.length; i += 2) {
            events.put(namesAndTypes[i], namesAndTypes[i + 1]);
        }
        return events;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}
