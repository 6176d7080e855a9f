package io.quarkiverse.moduleevents.messaging.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.moduleevents.messaging.spi.EventTraceContext;

/**
 * How the bridge reads a CloudEvent from a protocol binding's attributes, content type and body, and which attribute
 * values it takes; the brokers' integration tests send each kind of malformed message over the wire.
 */
class IncomingCloudEventsTest {

    private static final String ACCOUNT = "{\"id\":\"u-1\",\"name\":\"Ada\"}";

    @Test
    void binaryModeTakesTheAttributesAndTheContentTypeAsDataContentType() throws Exception {
        IncomingCloudEvent event = IncomingCloudEvents.read(binary(Map.of())::get, "application/json", ACCOUNT);

        assertEquals("1.0", event.specVersion());
        assertEquals("e-1", event.id());
        assertEquals("/mail-service/mail", event.source());
        assertEquals("user:account:created", event.type());
        assertEquals("application/json", event.dataContentType());
        assertEquals(ACCOUNT, event.data());
        assertNull(CloudEventAttributeCheck.problem(event));
    }

    @Test
    void theDistributedTracingExtensionIsTheSendersTraceContext() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

        IncomingCloudEvent traced = IncomingCloudEvents.read(
                binary(Map.of("traceparent", traceparent, "tracestate", "vendor=1"))::get, "application/json", ACCOUNT);
        IncomingCloudEvent untraced = IncomingCloudEvents.read(binary(Map.of())::get, "application/json", ACCOUNT);

        assertEquals(new EventTraceContext(traceparent, "vendor=1"), traced.trace());
        assertNull(untraced.trace());
    }

    @Test
    void aMessageWithoutAnyRequiredAttributeIsNoCloudEvent() throws Exception {
        assertNull(IncomingCloudEvents.read(Map.of("subject", "u-1")::get, "application/json", ACCOUNT));
    }

    @Test
    void wellFormedOptionalAttributesPass() throws Exception {
        for (String time : new String[] { "2026-12-03T01:02:03Z", "2026-12-03T01:02:03.123456789+02:00",
                "2026-12-03t01:02:03z" }) {
            assertNull(problem(Map.of("time", time), "application/json"), time);
        }
        assertNull(problem(Map.of("dataschema", "https://example.org/schemas/account.json"), null));
        assertNull(problem(Map.of("source", "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"), null));
        for (String json : new String[] { "application/json; charset=UTF-8", "APPLICATION/JSON",
                "application/vnd.example.account+json" }) {
            assertNull(problem(Map.of(), json), json);
        }
    }

    @Test
    void eachMalformedAttributeIsNamedWithoutItsValue() throws Exception {
        assertEquals("attribute time is not an RFC 3339 timestamp", problem(Map.of("time", "yesterday"), null));
        assertEquals("attribute source is not a URI reference", problem(Map.of("source", "not a uri {}"), null));
        assertEquals("attribute dataschema is not a URI reference",
                problem(Map.of("dataschema", "not a uri {}"), null));
        assertEquals("attribute specversion is not 1.0, the only version the bridge reads",
                problem(Map.of("specversion", "0.3"), null));
        assertTrue(problem(Map.of(), "text/plain").startsWith("attribute datacontenttype is not JSON"));
        assertEquals("attribute type is missing or empty", problem(Map.of("type", ""), null));
    }

    @Test
    void structuredModeTakesTheAttributesAndTheDataFromTheEnvelope() throws Exception {
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"e-1\",\"source\":\"/mail-service/mail\","
                + "\"type\":\"user:account:created\",\"datacontenttype\":\"application/json\",\"data\":" + ACCOUNT + "}";

        IncomingCloudEvent event = IncomingCloudEvents.read(Map.<String, String> of()::get,
                "application/cloudevents+json; charset=UTF-8", envelope.getBytes(StandardCharsets.UTF_8));

        assertEquals("e-1", event.id());
        assertEquals("application/json", event.dataContentType());
        assertEquals("Ada", ((JsonNode) event.data()).get("name").asText());
        assertNull(CloudEventAttributeCheck.problem(event));
    }

    @Test
    void aStructuredBodyThatIsNoJsonObjectIsMalformedWithoutQuotingIt() {
        MalformedCloudEventException notJson = assertThrows(MalformedCloudEventException.class,
                () -> IncomingCloudEvents.read(Map.<String, String> of()::get, "application/cloudevents+json",
                        "topsecret4711 is no JSON".getBytes(StandardCharsets.UTF_8)));
        assertTrue(notJson.getMessage().startsWith("the structured-mode body is not JSON: JsonParseException (line 1"),
                notJson.getMessage());
        assertFalse(notJson.getMessage().contains("topsecret4711"), notJson.getMessage());
        assertThrows(MalformedCloudEventException.class, () -> IncomingCloudEvents.read(Map.<String, String> of()::get,
                "application/cloudevents+json", "[1, 2]"));
        assertThrows(MalformedCloudEventException.class, () -> IncomingCloudEvents.read(Map.<String, String> of()::get,
                "application/cloudevents-batch+json", "[]"));
    }

    private static String problem(Map<String, String> changed, String contentType) throws Exception {
        return CloudEventAttributeCheck.problem(IncomingCloudEvents.read(binary(changed)::get, contentType, ACCOUNT));
    }

    private static Map<String, String> binary(Map<String, String> changed) {
        Map<String, String> attributes = new HashMap<>(Map.of("specversion", "1.0", "id", "e-1", "source",
                "/mail-service/mail", "type", "user:account:created"));
        attributes.putAll(changed);
        return attributes;
    }
}
