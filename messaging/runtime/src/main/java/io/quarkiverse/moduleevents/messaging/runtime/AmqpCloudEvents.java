package io.quarkiverse.moduleevents.messaging.runtime;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.amqp.IncomingAmqpMetadata;
import io.vertx.core.json.JsonObject;

/**
 * The AMQP 1.0 protocol binding of CloudEvents: in binary mode, each attribute is an application property
 * {@code cloudEvents:<name>} (or {@code cloudEvents_<name>}) and the {@code datacontenttype} the message's content
 * type. Used only on channels of the AMQP connector, so that its optional API is loaded only there.
 */
final class AmqpCloudEvents {

    private static final String[] PREFIXES = { "cloudEvents:", "cloudEvents_" };

    private AmqpCloudEvents() {
    }

    static IncomingCloudEvent read(Message<?> message) throws MalformedCloudEventException {
        IncomingAmqpMetadata amqp = message.getMetadata(IncomingAmqpMetadata.class).orElseThrow();
        JsonObject properties = amqp.getProperties() == null ? new JsonObject() : amqp.getProperties();
        return IncomingCloudEvents.read(name -> property(properties, name), amqp.getContentType(),
                message.getPayload());
    }

    private static String property(JsonObject properties, String name) {
        for (String prefix : PREFIXES) {
            Object value = properties.getValue(prefix + name);
            if (value != null) {
                return value.toString();
            }
        }
        return null;
    }
}
