package io.quarkiverse.moduleevents.messaging.runtime;

import java.net.URI;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkiverse.moduleevents.messaging.spi.EventTraceContext;
import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;

/**
 * Reads the CloudEvent of an incoming message. The bridge turns the connectors' own CloudEvents parsing off on its
 * Kafka and AMQP channels ({@code cloud-events=false}), because a connector that cannot parse an attribute fails
 * before the bridge sees the message, and with it the channel; here the attributes are read from the Kafka headers
 * or the AMQP application properties, in binary or structured mode, and left to {@link CloudEventAttributeCheck}.
 * On any other connector, or when a channel turns the connector's parsing back on, the connector's CloudEvents
 * metadata is read.
 */
final class IncomingCloudEvents {

    private static final String STRUCTURED_CONTENT_TYPE_PREFIX = "application/cloudevents";
    private static final String KAFKA = "smallrye-kafka";
    private static final String AMQP = "smallrye-amqp";

    private IncomingCloudEvents() {
    }

    /**
     * @param connector the channel's connector, which says whether the Kafka or the AMQP API may be loaded: both are
     *        optional
     * @return {@code null} when the message carries no CloudEvent at all
     * @throws MalformedCloudEventException when a structured-mode body is no CloudEvents JSON envelope
     */
    static IncomingCloudEvent read(Message<?> message, String connector) throws MalformedCloudEventException {
        IncomingCloudEventMetadata<?> parsed = message.getMetadata(IncomingCloudEventMetadata.class).orElse(null);
        if (parsed != null) {
            return new IncomingCloudEvent(parsed.getSpecVersion(), parsed.getId(),
                    parsed.getSource() == null ? null : parsed.getSource().toString(), parsed.getType(),
                    parsed.getTimeStamp().map(DateTimeFormatter.ISO_OFFSET_DATE_TIME::format).orElse(null),
                    parsed.getDataSchema().map(URI::toString).orElse(null), parsed.getDataContentType().orElse(null),
                    message.getPayload(), EventTraceContext.of(extension(parsed, "traceparent"),
                            extension(parsed, "tracestate")));
        }
        if (KAFKA.equals(connector)) {
            return KafkaCloudEvents.read(message);
        }
        if (AMQP.equals(connector)) {
            return AmqpCloudEvents.read(message);
        }
        return null;
    }

    /**
     * Reads a message of a protocol binding: structured mode when its content type is a CloudEvents one, else binary
     * mode, where the content type is the {@code datacontenttype}.
     *
     * @param attribute an attribute's value by its name, such as {@code id}, or {@code null}
     * @return {@code null} when the message has neither a CloudEvents content type nor any required attribute
     */
    static IncomingCloudEvent read(Function<String, String> attribute, String contentType, Object body)
            throws MalformedCloudEventException {
        if (contentType != null
                && CloudEventAttributeCheck.mediaType(contentType).startsWith(STRUCTURED_CONTENT_TYPE_PREFIX)) {
            return StructuredCloudEvent.read(contentType, body);
        }
        String specVersion = attribute.apply("specversion");
        String id = attribute.apply("id");
        String source = attribute.apply("source");
        String type = attribute.apply("type");
        if (specVersion == null && id == null && source == null && type == null) {
            return null;
        }
        return new IncomingCloudEvent(specVersion, id, source, type, attribute.apply("time"),
                attribute.apply("dataschema"), contentType == null ? attribute.apply("datacontenttype") : contentType,
                body, EventTraceContext.of(attribute.apply("traceparent"), attribute.apply("tracestate")));
    }

    private static String extension(IncomingCloudEventMetadata<?> parsed, String name) {
        return parsed.getExtension(name).map(Object::toString).orElse(null);
    }
}
