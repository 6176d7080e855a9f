package io.quarkiverse.moduleevents.messaging.runtime;

import java.lang.annotation.Annotation;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.inject.spi.EventContext;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.smallrye.reactive.messaging.ChannelRegistry;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;

/**
 * Sends the events selected for outgoing channels, as CloudEvents in JSON. The build registers, for each selected
 * (name, channel), observers that call {@link #observed}: a synchronous one, of transaction phase
 * {@code AFTER_SUCCESS} when the application has transactions, so CDI calls it after the commit, never after a
 * rollback, and at once without a transaction; and an asynchronous one for {@code sendAsync}.
 * <p>
 * A send never blocks its caller: the message is handed to the channel's emitter, and its acknowledgement, rejection
 * or time-out is handled when it comes. Every failure is logged with the event's id, name and channel and counted.
 * <p>
 * When a sibling extension provides an {@link OutgoingEventSink}, the build makes both observers call {@link #stored}
 * instead, the synchronous one during the transaction: the event is prepared and handed to the sink, which sends it
 * later through {@link #send(OutgoingEvent)}.
 */
@Singleton
public class OutgoingEventPublisher {

    static final String JSON = "application/json";
    private static final Logger LOG = Logger.getLogger(OutgoingEventPublisher.class);

    private final BridgeRoutes routes;
    private final ObjectMapper objectMapper;
    private final ChannelRegistry channelRegistry;
    private final ChannelCounters counters;
    private final MessagingBridgeConfig config;
    private final Map<String, Emitter<byte[]>> emitters = new ConcurrentHashMap<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile String source;

    @Inject
    OutgoingEventPublisher(BridgeRoutes routes, ObjectMapper objectMapper, ChannelRegistry channelRegistry,
            ChannelCounters counters, MessagingBridgeConfig config) {
        this.routes = routes;
        this.objectMapper = objectMapper;
        this.channelRegistry = channelRegistry;
        this.counters = counters;
        this.config = config;
    }

    /**
     * Called by the observers the build generates; not for applications.
     */
    public static void observed(EventContext<Object> event, String channel, String name) {
        if (isRemote(event)) {
            return;
        }
        Arc.container().instance(OutgoingEventPublisher.class).get().publish(channel, name, event.getEvent());
    }

    /**
     * Called instead of {@link #observed} by the observers the build generates when an {@link OutgoingEventSink}
     * exists; not for applications.
     *
     * @throws RuntimeException what the sink throws, also when the payload cannot be serialised to JSON
     */
    public static void stored(EventContext<Object> event, String channel, String name) {
        if (isRemote(event)) {
            return;
        }
        OutgoingEventPublisher publisher = Arc.container().instance(OutgoingEventPublisher.class).get();
        OutgoingRoute route = publisher.routes.outgoing(channel, name);
        Object payload = event.getEvent();
        Arc.container().instance(OutgoingEventSink.class).get()
                .store(() -> publisher.prepare(UUID.randomUUID().toString(), route, payload));
    }

    private static boolean isRemote(EventContext<Object> event) {
        for (Annotation qualifier : event.getMetadata().getQualifiers()) {
            if (qualifier.annotationType() == Remote.class) {
                return true;
            }
        }
        return false;
    }

    /**
     * Sends a prepared event, with its id, time, subject and data as they are. Unlike the observers' sends, it is not
     * bounded by {@code max-pending-sends} nor timed out: the caller bounds and times out its sends.
     *
     * @return a stage completed when the broker acknowledged the message, completed exceptionally when it rejected
     *         it, when the event's channel and name are no longer routed by this application, or with a
     *         {@link ChannelClosedException} when the channel's connector has closed it
     */
    public CompletionStage<Void> send(OutgoingEvent event) {
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        OutgoingRoute route = routes.outgoing(event.channel(), event.name());
        if (route == null) {
            outcome.completeExceptionally(new IllegalStateException("Event '" + event.name() + "' is not selected"
                    + " for the outgoing channel '" + event.channel() + "' of this application; select it in"
                    + " quarkus.module-events.messaging.outgoing.\"" + event.channel() + "\".events"));
            return outcome;
        }
        Emitter<byte[]> emitter = emitter(route.getChannel());
        try {
            emitter.send(message(event, route, outcome));
        } catch (RuntimeException e) {
            outcome.completeExceptionally(emitter.isCancelled() ? new ChannelClosedException(route.getChannel()) : e);
        }
        return outcome.whenComplete((ignored, failure) -> {
            ChannelCounters.Counts counts = counters.counts(route.getChannel());
            if (failure == null) {
                counts.sent.increment();
            } else {
                counts.sendFailures.increment();
            }
        });
    }

    /**
     * @return whether the connector of an outgoing channel has closed it, so that nothing can be sent on it until the
     *         application restarts
     */
    public boolean isClosed(String channel) {
        return emitter(channel).isCancelled();
    }

    void publish(String channel, String name, Object payload) {
        OutgoingRoute route = routes.outgoing(channel, name);
        String id = UUID.randomUUID().toString();
        if (pending.incrementAndGet() > config.maxPendingSends()) {
            pending.decrementAndGet();
            failed(id, route, "too many sends wait for the broker (quarkus.module-events.messaging.max-pending-sends="
                    + config.maxPendingSends() + ")", null);
            return;
        }
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        outcome.orTimeout(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, failure) -> completed(id, route, failure));
        try {
            emitter(channel).send(message(prepare(id, route, payload), route, outcome));
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
        }
    }

    private OutgoingEvent prepare(String id, OutgoingRoute route, Object payload) {
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

    private static Message<byte[]> message(OutgoingEvent event, OutgoingRoute route,
            CompletableFuture<Void> outcome) {
        OutgoingCloudEventMetadata<byte[]> cloudEvent = OutgoingCloudEventMetadata.<byte[]> builder()
                .withId(event.id())
                .withType(event.name())
                .withSource(URI.create(event.source()))
                .withTimestamp(event.time().toZonedDateTime())
                .withDataContentType(JSON)
                .withSubject(event.subject())
                .build();
        Metadata metadata = route.isKafkaKey() && event.subject() != null
                ? Metadata.of(cloudEvent, KafkaRecordKey.of(event.subject()))
                : Metadata.of(cloudEvent);
        return Message.of(event.data(), metadata)
                .withAck(() -> {
                    outcome.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(reason -> {
                    outcome.completeExceptionally(reason);
                    return CompletableFuture.completedFuture(null);
                });
    }

    private void completed(String id, OutgoingRoute route, Throwable failure) {
        pending.decrementAndGet();
        if (failure == null) {
            counters.counts(route.getChannel()).sent.increment();
        } else if (failure instanceof TimeoutException) {
            failed(id, route, "the broker did not acknowledge it within " + config.sendTimeout()
                    + " (quarkus.module-events.messaging.send-timeout)", null);
        } else {
            failed(id, route, failure.getMessage(), failure);
        }
    }

    private void failed(String id, OutgoingRoute route, String reason, Throwable failure) {
        counters.counts(route.getChannel()).sendFailures.increment();
        LOG.errorf(failure, "Event not sent: %s [id: %s, event: %s, channel: %s]; it is lost, as delivery without the"
                + " outbox is at most once", reason, id, route.getName(), route.getChannel());
    }

    @SuppressWarnings("unchecked")
    private Emitter<byte[]> emitter(String channel) {
        return emitters.computeIfAbsent(channel,
                name -> (Emitter<byte[]>) channelRegistry.getEmitter(name, Emitter.class));
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
