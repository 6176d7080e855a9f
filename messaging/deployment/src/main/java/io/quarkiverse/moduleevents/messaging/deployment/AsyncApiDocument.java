package io.quarkiverse.moduleevents.messaging.deployment;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import io.quarkiverse.moduleevents.deployment.PayloadSchemasBuildItem;

/**
 * The AsyncAPI 3.0.0 document of an application's bridged channels: one channel per broker channel with its address
 * and bindings, a {@code send} operation for each outgoing channel and a {@code receive} operation for each incoming
 * one, and one message per event, with its payload schema and its CloudEvents binary-mode headers. The payload schemas'
 * definitions move to {@code components.schemas}, where their references point.
 */
final class AsyncApiDocument {

    static final String KAFKA = "smallrye-kafka";
    static final String AMQP = "smallrye-amqp";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> OPTIONAL_ATTRIBUTES = List.of("subject", "traceparent", "tracestate");

    /**
     * One broker channel of the application.
     *
     * @param name the channel's name in the application's configuration
     * @param outgoing whether the application sends on it; otherwise it receives from it
     * @param connector the channel's connector ({@code smallrye-kafka}, {@code smallrye-amqp}, ...), {@code null} when
     *        none is configured
     * @param address the Kafka topic or AMQP address
     * @param events the names of the events it carries, with their payload types ({@code null} for none)
     */
    record Channel(String name, boolean outgoing, String connector, String address, Map<String, String> events) {
    }

    private final ObjectNode document = JSON.createObjectNode();
    private final ObjectNode schemas;
    private final ObjectNode messages;
    private final PayloadSchemasBuildItem payloadSchemas;
    private final Map<String, String> schemaNames = new TreeMap<>();
    /** by event name and header style ({@code amqp} or {@code kafka}) */
    private final Map<String, String> messageKeys = new TreeMap<>();

    private AsyncApiDocument(String title, String version, PayloadSchemasBuildItem payloadSchemas) {
        this.payloadSchemas = payloadSchemas;
        document.put("asyncapi", "3.0.0");
        document.putObject("info").put("title", title).put("version", version)
                .put("description", "The events " + title + " exchanges with other services over broker channels, as"
                        + " CloudEvents in binary mode; generated at build time by Quarkus Module Events.");
        document.put("defaultContentType", "application/json");
        document.putObject("channels");
        document.putObject("operations");
        ObjectNode components = document.putObject("components");
        schemas = components.putObject("schemas");
        messages = components.putObject("messages");
    }

    /**
     * @return the document of these channels
     */
    static ObjectNode of(String title, String version, List<Channel> channels, PayloadSchemasBuildItem payloadSchemas) {
        AsyncApiDocument asyncApi = new AsyncApiDocument(title, version, payloadSchemas);
        channels.forEach(asyncApi::add);
        return asyncApi.document;
    }

    private void add(Channel channel) {
        String channelKey = key(channel.name()) + (channel.outgoing() ? ".out" : ".in");
        ObjectNode channelNode = ((ObjectNode) document.get("channels")).putObject(channelKey)
                .put("address", channel.address())
                .put("description", (channel.outgoing() ? "Outgoing" : "Incoming") + " channel " + channel.name()
                        + (channel.connector() == null ? "" : " (" + channel.connector() + ")"));
        ObjectNode channelMessages = channelNode.putObject("messages");
        ObjectNode operation = ((ObjectNode) document.get("operations"))
                .putObject((channel.outgoing() ? "send." : "receive.") + channelKey)
                .put("action", channel.outgoing() ? "send" : "receive");
        operation.putObject("channel").put("$ref", "#/channels/" + channelKey);
        ArrayNode operationMessages = operation.putArray("messages");
        channel.events().forEach((event, payloadType) -> {
            String messageKey = message(event, payloadType, channel.connector());
            channelMessages.putObject(messageKey).put("$ref", "#/components/messages/" + messageKey);
            operationMessages.addObject().put("$ref", "#/channels/" + channelKey + "/messages/" + messageKey);
        });
        ObjectNode bindings = bindings(channel);
        if (bindings != null) {
            channelNode.set("bindings", bindings);
        }
    }

    private static ObjectNode bindings(Channel channel) {
        if (KAFKA.equals(channel.connector())) {
            ObjectNode bindings = JSON.createObjectNode();
            bindings.putObject("kafka").put("topic", channel.address()).put("bindingVersion", "0.5.0");
            return bindings;
        }
        if (AMQP.equals(channel.connector())) {
            ObjectNode bindings = JSON.createObjectNode();
            bindings.putObject("amqp1");
            return bindings;
        }
        return null;
    }

    /**
     * @return the key of the event's message in {@code components.messages}, added on the first call
     */
    private String message(String event, String payloadType, String connector) {
        boolean amqp = AMQP.equals(connector);
        String known = messageKeys.get(event + (amqp ? " amqp" : " kafka"));
        if (known != null) {
            return known;
        }
        // the same event on both brokers is two messages: their headers differ
        String messageKey = messages.has(key(event)) ? key(event) + (amqp ? ".amqp" : ".kafka") : key(event);
        messageKeys.put(event + (amqp ? " amqp" : " kafka"), messageKey);
        ObjectNode message = messages.putObject(messageKey)
                .put("name", event)
                .put("title", event)
                .put("contentType", "application/json");
        message.set("headers", headers(event, amqp));
        if (payloadType == null) {
            message.putObject("payload").put("type", "null");
        } else {
            message.putObject("payload").put("$ref", "#/components/schemas/" + schema(payloadType));
        }
        return messageKey;
    }

    /**
     * @return the CloudEvents attributes of binary mode: Kafka record headers {@code ce_<attribute>}, AMQP application
     *         properties {@code cloudEvents:<attribute>}
     */
    private static ObjectNode headers(String event, boolean amqp) {
        Function<String, String> header = attribute -> (amqp ? "cloudEvents:" : "ce_") + attribute;
        ObjectNode headers = JSON.createObjectNode().put("type", "object");
        ObjectNode properties = headers.putObject("properties");
        properties.putObject(header.apply("specversion")).put("type", "string").put("const", "1.0");
        properties.putObject(header.apply("id")).put("type", "string")
                .put("description", "unique per event; a receiver drops a second message with the same id");
        properties.putObject(header.apply("source")).put("type", "string").put("format", "uri-reference")
                .put("description", "/<service>/<module>");
        properties.putObject(header.apply("type")).put("type", "string").put("const", event);
        properties.putObject(header.apply("time")).put("type", "string").put("format", "date-time");
        for (String attribute : OPTIONAL_ATTRIBUTES) {
            properties.putObject(header.apply(attribute)).put("type", "string");
        }
        ArrayNode required = headers.putArray("required");
        for (String attribute : List.of("specversion", "id", "source", "type", "time")) {
            required.add(header.apply(attribute));
        }
        return headers;
    }

    /**
     * @return the name of the payload type's schema in {@code components.schemas}, added with its definitions on the
     *         first call
     */
    private String schema(String payloadType) {
        String known = schemaNames.get(payloadType);
        if (known != null) {
            return known;
        }
        ObjectNode schema = payloadSchemas.schemaOf(payloadType);
        schema.remove("$schema");
        JsonNode definitions = schema.remove("$defs");
        Map<String, String> renamed = new LinkedHashMap<>();
        if (definitions != null) {
            definitions.fieldNames().forEachRemaining(name -> renamed.put(name, freeName(name)));
        }
        String name = freeName(payloadType.substring(payloadType.lastIndexOf('.') + 1).replace('$', '.'));
        schemaNames.put(payloadType, name);
        schemas.set(name, refer(schema, renamed));
        if (definitions != null) {
            renamed.forEach((definition, componentName) -> schemas.set(componentName,
                    refer(definitions.get(definition), renamed)));
        }
        return name;
    }

    private String freeName(String wanted) {
        String name = wanted;
        for (int suffix = 2; schemas.has(name) || schemaNames.containsValue(name); suffix++) {
            name = wanted + suffix;
        }
        schemas.putNull(name);
        return name;
    }

    /**
     * @return the schema with its references to {@code #/$defs/<name>} pointing to {@code components.schemas}
     */
    private static JsonNode refer(JsonNode schema, Map<String, String> renamed) {
        if (schema.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> fields = schema.fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if (field.getKey().equals("$ref") && value.asText().startsWith("#/$defs/")) {
                    value = TextNode.valueOf("#/components/schemas/"
                            + renamed.get(value.asText().substring("#/$defs/".length())));
                } else {
                    value = refer(value, renamed);
                }
                copy.set(field.getKey(), value);
            }
            return copy;
        }
        if (schema.isArray()) {
            ArrayNode copy = JSON.createArrayNode();
            schema.forEach(item -> copy.add(refer(item, renamed)));
            return copy;
        }
        return schema;
    }

    /**
     * @return a key that AsyncAPI accepts ({@code ^[\w\d.\-_]+$}) for an event or channel name
     */
    private static String key(String name) {
        return name.replace(':', '.').replaceAll("[^\\w\\d.\\-_]", "_");
    }
}
