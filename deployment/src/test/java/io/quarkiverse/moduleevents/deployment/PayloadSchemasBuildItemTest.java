package io.quarkiverse.moduleevents.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The schemas are parsed once and handed out as copies: a caller that changes its copy changes no one else's.
 */
class PayloadSchemasBuildItemTest {

    private static final String USER = "org.acme.user.User";
    private static final String SCHEMA = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}";

    @Test
    void aChangedCopyLeavesTheSchemaAsItWas() {
        PayloadSchemasBuildItem schemas = new PayloadSchemasBuildItem(Map.of(USER, SCHEMA));
        ObjectNode first = schemas.schemaOf(USER);
        first.put("title", "changed");
        ((ObjectNode) first.get("properties").get("name")).put("type", "integer");

        assertEquals(SCHEMA, schemas.schemaOf(USER).toString());
    }

    @Test
    void noPayloadHasNoSchema() {
        assertNull(new PayloadSchemasBuildItem(Map.of()).schemaOf(null));
    }

    @Test
    void anUndeclaredPayloadTypeIsRefused() {
        PayloadSchemasBuildItem schemas = new PayloadSchemasBuildItem(Map.of(USER, SCHEMA));
        assertEquals("No event declares the payload type org.acme.user.Order",
                assertThrows(IllegalArgumentException.class, () -> schemas.schemaOf("org.acme.user.Order"))
                        .getMessage());
    }

    @Test
    void aSchemaThatIsNotAJsonObjectIsRefusedAtOnce() {
        assertEquals("The schema of org.acme.user.User is not a JSON object: [1]",
                assertThrows(IllegalArgumentException.class,
                        () -> new PayloadSchemasBuildItem(Map.of(USER, "[1]"))).getMessage());
        assertThrows(IllegalArgumentException.class, () -> new PayloadSchemasBuildItem(Map.of(USER, "{")));
    }
}
