package io.quarkiverse.moduleevents.messaging.runtime;

import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.moduleevents.messaging.spi.EventTraceContext;
import io.quarkiverse.moduleevents.messaging.spi.EventTracing;
import io.quarkiverse.moduleevents.messaging.spi.OutgoingEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadataBuilder;

/**
 * Turns a payload into an {@link OutgoingEvent} (its JSON data, subject and CloudEvents attributes), and an
 * {@code OutgoingEvent} into a binary-mode CloudEvents message whose acknowledgement completes a future.
 */
@Singleton
public class CloudEventEncoder {

    static final String JSON = "application/json";

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";

    private final ObjectMapper objectMapper;
    private final MessagingBridgeConfig config;
    private final EventTracing tracing;
    private volatile String source;

    @Inject
    CloudEventEncoder(ObjectMapper objectMapper, MessagingBridgeConfig config, EventTracing tracing) {
        this.objectMapper = objectMapper;
        this.config = config;
        this.tracing = tracing;
    }

    /**
     * @throws IllegalArgumentException when the payload cannot be serialised to JSON
     */
    OutgoingEvent encode(String id, OutgoingRoute route, Object payload) {
        byte[] data;
        String subject = null;
        try {
            if (route.getSubjectProperty() == null) {
                data = objectMapper.writeValueAsBytes(payload);
            } else {
                JsonNode tree = objectMapper.valueToTree(payload);
                JsonNode subjectValue = tree.get(route.getSubjectProperty());
                subject = subjectValue == null || subjectValue.isNull() ? null : subjectValue.asText();
                data = objectMapper.writeValueAsBytes(tree);
            }
        } catch (Exception e) {
            throw new IllegalArgumentException("the payload, a " + payload.getClass().getName()
                    + ", cannot be serialised to JSON: " + e.getMessage(), e);
        }
        return new OutgoingEvent(id, route.getChannel(), route.getName(), route.getModule(),
                "/" + source() + "/" + route.getModule(), subject, OffsetDateTime.now(ZoneOffset.UTC), data);
    }

    /**
     * @param outcome completed when the broker acknowledges the message, completed exceptionally when it rejects it
     * @param trace the sender's trace context, carried as the CloudEvents distributed-tracing extension; {@code null}
     *        when there is none
     */
    Message<byte[]> message(OutgoingEvent event, OutgoingRoute route, CompletableFuture<Void> outcome,
            EventTraceContext trace) {
        OutgoingCloudEventMetadataBuilder<byte[]> builder = OutgoingCloudEventMetadata.<byte[]> builder()
                .withId(event.id())
                .withType(event.name())
                .withSource(URI.create(event.source()))
                .withTimestamp(event.time().toZonedDateTime())
                .withDataContentType(JSON)
                .withSubject(event.subject());
        if (trace != null) {
            builder.withExtension(TRACEPARENT, trace.traceparent());
            if (trace.tracestate() != null && !trace.tracestate().isEmpty()) {
                builder.withExtension(TRACESTATE, trace.tracestate());
            }
        }
        OutgoingCloudEventMetadata<byte[]> cloudEvent = builder.build();
        Metadata metadata = route.isKafkaKey() && event.subject() != null
                ? Metadata.of(cloudEvent, KafkaRecordKey.of(event.subject()))
                : Metadata.of(cloudEvent);
        return tracing.publishedUnder(Message.of(event.data(), metadata)
                .withAck(() -> {
                    outcome.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(reason -> {
                    outcome.completeExceptionally(reason);
                    return CompletableFuture.completedFuture(null);
                }), trace);
    }

    private String source() {
        String resolved = source;
        if (resolved == null) {
            resolved = source(config);
            source = resolved;
        }
        return resolved;
    }

    /**
     * @throws ConfigurationException when neither the bridge's source nor the application's name is set
     */
    static String source(MessagingBridgeConfig config) {
        return config.source()
                .or(() -> ConfigProvider.getConfig().getOptionalValue("quarkus.application.name", String.class))
                .orElseThrow(() -> new ConfigurationException("The messaging bridge needs a CloudEvents source for"
                        + " its outgoing events: set quarkus.module-events.messaging.source or"
                        + " quarkus.application.name"));
    }
}
