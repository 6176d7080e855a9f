package io.quarkiverse.moduleevents.deployment;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The JSON Schema of each declared event's payload type, by the type's name, derived at build time.
 */
public final class PayloadSchemasBuildItem extends SimpleBuildItem {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, String> schemas;

    /**
     * @param schemas the JSON Schema of each payload type, as JSON text, by the type's name
     */
    public PayloadSchemasBuildItem(Map<String, String> schemas) {
        this.schemas = Map.copyOf(schemas);
    }

    /**
     * @return a copy of the schema of that payload type, {@code null} for {@code null} (an event without payload)
     */
    public ObjectNode schemaOf(String payloadType) {
        if (payloadType == null) {
            return null;
        }
        String schema = schemas.get(payloadType);
        if (schema == null) {
            throw new IllegalArgumentException("No event declares the payload type " + payloadType);
        }
        try {
            return (ObjectNode) JSON.readTree(schema);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The schema of " + payloadType + " is not JSON", e);
        }
    }
}
