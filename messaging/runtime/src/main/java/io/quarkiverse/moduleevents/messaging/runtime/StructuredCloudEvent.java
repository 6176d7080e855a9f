package io.quarkiverse.moduleevents.messaging.runtime;

import java.io.IOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.moduleevents.messaging.spi.EventTraceContext;

/**
 * Reads a structured-mode CloudEvent: the body is a JSON object whose members are the attributes, and whose
 * {@code data} member is the event's data.
 */
final class StructuredCloudEvent {

    static final String CONTENT_TYPE = "application/cloudevents+json";
    /** only to read the envelope; the data is decoded by the application's mapper */
    private static final ObjectMapper ENVELOPE_READER = new ObjectMapper();

    private StructuredCloudEvent() {
    }

    static IncomingCloudEvent read(String contentType, Object body) throws MalformedCloudEventException {
        if (!CloudEventAttributeCheck.mediaType(contentType).equals(CONTENT_TYPE)) {
            throw new MalformedCloudEventException("the structured-mode content type is not " + CONTENT_TYPE
                    + ", the only structured format the bridge reads");
        }
        JsonNode envelope;
        try {
            envelope = ENVELOPE_READER.readTree(bytes(body));
        } catch (IOException e) {
            throw new MalformedCloudEventException("the structured-mode body is not JSON: " + DecodingFailure.describe(e));
        }
        if (envelope == null || !envelope.isObject()) {
            throw new MalformedCloudEventException("the structured-mode body is not a JSON object");
        }
        return new IncomingCloudEvent(attribute(envelope, "specversion"), attribute(envelope, "id"),
                attribute(envelope, "source"), attribute(envelope, "type"), attribute(envelope, "time"),
                attribute(envelope, "dataschema"), attribute(envelope, "datacontenttype"), envelope.get("data"),
                EventTraceContext.of(attribute(envelope, "traceparent"), attribute(envelope, "tracestate")));
    }

    private static String attribute(JsonNode envelope, String name) throws MalformedCloudEventException {
        JsonNode value = envelope.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedCloudEventException("attribute " + name + " of the structured-mode body is not a string");
        }
        return value.asText();
    }

    private static byte[] bytes(Object body) throws MalformedCloudEventException {
        byte[] bytes = JsonBodies.bytes(body);
        if (bytes == null) {
            throw new MalformedCloudEventException("the structured-mode body is "
                    + (body == null ? "null" : "a " + body.getClass().getName()) + "; expected " + JsonBodies.FORMS);
        }
        return bytes;
    }
}
