package io.quarkiverse.moduleevents.deployment;

import java.util.HashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The JSON Schema of each declared event's payload type, by the type's name, derived at build time.
 */
public final class PayloadSchemasBuildItem extends SimpleBuildItem {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> schemas = new HashMap<>();

    /**
     * @param schemas the JSON Schema of each payload type, as JSON text, by the type's name; parsed here, once
     */
    public PayloadSchemasBuildItem(Map<String, String> schemas) {
        schemas.forEach((payloadType, schema) -> this.schemas.put(payloadType, parse(payloadType, schema)));
    }

    private static ObjectNode parse(String payloadType, String schema) {
        JsonNode node;
        try {
            node = JSON.readTree(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The schema of " + payloadType + " is not JSON", e);
        }
        if (node instanceof ObjectNode object) {
            return object;
        }
        throw new IllegalArgumentException("The schema of " + payloadType + " is not a JSON object: " + schema);
    }

    /**
     * @return a copy of the schema of that payload type, the caller's to change, {@code null} for {@code null} (an
     *         event without payload)
     */
    public ObjectNode schemaOf(String payloadType) {
        if (payloadType == null) {
            return null;
        }
        ObjectNode schema = schemas.get(payloadType);
        if (schema == null) {
            throw new IllegalArgumentException("No event declares the payload type " + payloadType);
        }
        return schema.deepCopy();
    }
}
