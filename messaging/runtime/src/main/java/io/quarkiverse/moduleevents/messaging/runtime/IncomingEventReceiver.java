package io.quarkiverse.moduleevents.messaging.runtime;

import java.io.IOException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkiverse.moduleevents.messaging.runtime.BridgeMeters.IncomingOutcome;
import io.quarkiverse.moduleevents.messaging.spi.EventTracing;
import io.quarkiverse.moduleevents.messaging.spi.EventTracing.TraceStep;
import io.quarkiverse.moduleevents.messaging.spi.IncomingEventInbox;
import io.quarkiverse.moduleevents.spi.DeclaredEventFiring;

/**
 * Turns the messages of the incoming channels back into local events. The build generates, per incoming channel, a
 * blocking {@code @Incoming} method that hands each message to {@link #receive}.
 * <p>
 * A message whose CloudEvents {@code type} is a declared name selected for its channel is decoded into the event's
 * {@code @Payload} type and fired with {@code @EventModule}, {@code @Named} and {@code @Remote}: first to the
 * synchronous receivers, then to the asynchronous ones. It is acknowledged once the synchronous receivers returned,
 * and rejected, with an {@link IncomingEventRejectedException} naming channel, id and type, when it carries no
 * CloudEvent, when its CloudEvents attributes are malformed ({@link CloudEventAttributeCheck}, or a structured-mode
 * body that is no JSON envelope), when its id or source is longer than the inbox stores, when its type is not
 * declared or not selected, when its data cannot be decoded, or when a synchronous receiver throws an exception or an
 * {@link Error}.
 * A message with the same {@code source} and {@code id} as one acknowledged within the duplicate window is
 * acknowledged and dropped.
 * <p>
 * The id, type and source are the peer's: they reach the log and the reasons with their control characters escaped,
 * and the data reaches neither.
 * <p>
 * When a sibling extension provides an {@link IncomingEventInbox}, the synchronous receivers run through it, in a
 * transaction that records the message's {@code source} and {@code id}: the message is acknowledged after that
 * transaction committed, acknowledged and dropped when the inbox has seen it before, and rejected when the
 * transaction rolled back.
 * <p>
 * The receivers, synchronous and asynchronous, run inside a span whose parent is the sender's context, the message's
 * CloudEvents {@code traceparent}, when the application traces ({@link EventTracing}).
 */
@Singleton
public class IncomingEventReceiver {

    private static final Logger LOG = Logger.getLogger(IncomingEventReceiver.class);
    /** the lengths of the inbox's columns, which also bound what the duplicate window holds */
    static final int MAX_ID_LENGTH = 255;
    static final int MAX_SOURCE_LENGTH = 1024;
    /** how much of a too long id or source the reason repeats */
    private static final int ABBREVIATED_LENGTH = 300;

    private final BridgeRoutes routes;
    private final ObjectMapper objectMapper;
    private final ChannelCounters counters;
    private final RecentEventIds recentIds;
    /** {@code null} without the outbox's inbox */
    private final IncomingEventInbox inbox;
    private final DeclaredEventFiring firing;
    private final EventTracing tracing;

    @Inject
    IncomingEventReceiver(BridgeRoutes routes, ObjectMapper objectMapper, ChannelCounters counters,
            MessagingBridgeConfig config, Instance<IncomingEventInbox> inbox, DeclaredEventFiring firing,
            EventTracing tracing) {
        this.routes = routes;
        this.firing = firing;
        this.tracing = tracing;
        this.objectMapper = objectMapper;
        this.counters = counters;
        this.recentIds = new RecentEventIds(config.incomingDuplicates().window(),
                config.incomingDuplicates().maxEntries(), System::nanoTime);
        this.inbox = inbox.isResolvable() ? inbox.get() : null;
    }

    /**
     * Called by the {@code @Incoming} methods the build generates; not for applications.
     */
    public CompletionStage<Void> receive(String channel, Message<?> message) {
        IncomingCloudEvent cloudEvent;
        try {
            cloudEvent = IncomingCloudEvents.read(message, routes.incomingConnector(channel));
        } catch (MalformedCloudEventException e) {
            return reject(channel, BridgeMeters.UNKNOWN_EVENT, message, "Malformed CloudEvent [channel: " + channel
                    + ", id: none, type: none, source: none]: " + e.getMessage(), null);
        }
        if (cloudEvent == null) {
            return reject(channel, BridgeMeters.UNKNOWN_EVENT, message, "Message carries no CloudEvents metadata"
                    + " [channel: " + channel
                    + ", id: none, type: none]; send module events through the messaging bridge, as CloudEvents",
                    null);
        }
        String id = cloudEvent.id();
        String type = cloudEvent.type();
        String source = cloudEvent.source();
        String subject = " [channel: " + channel + ", id: " + PeerText.escape(id) + ", type: " + PeerText.escape(type)
                + ", source: " + PeerText.escape(source) + "]";
        IncomingRoute route = routes.incoming(channel, type);
        // a peer's type is never a tag: the event is named only when it is one selected for the channel
        String event = route == null ? BridgeMeters.UNKNOWN_EVENT : route.getName();
        String malformed = CloudEventAttributeCheck.problem(cloudEvent);
        if (malformed != null) {
            return reject(channel, event, message, "Malformed CloudEvent" + subject + ": " + malformed, null);
        }
        if (id.length() > MAX_ID_LENGTH || source.length() > MAX_SOURCE_LENGTH) {
            return reject(channel, event, message, "Event id or source is too long" + abbreviated(subject) + "; an id may"
                    + " have " + MAX_ID_LENGTH + " characters and a source " + MAX_SOURCE_LENGTH + ", as the inbox"
                    + " stores them", null);
        }
        if (route == null) {
            return reject(channel, event, message, (routes.isDeclared(type)
                    ? "Event is not selected for this channel" + subject + "; add it to quarkus.module-events.messaging"
                            + ".incoming.\"" + channel + "\".events"
                    : "Event type is not declared by any module" + subject), null);
        }
        if (recentIds.contains(source, id)) {
            counters.incoming(channel, event, IncomingOutcome.DUPLICATE);
            LOG.debugf("Dropped a duplicate%s", subject);
            return message.ack();
        }
        Object payload;
        try {
            payload = decode(cloudEvent.data(), route.getPayloadType());
        } catch (IOException | RuntimeException e) {
            // not the cause: its message and stack trace would carry the data into the log and the dead letter
            return reject(channel, event, message, "Event data cannot be decoded into " + route.getPayloadType().getName()
                    + subject + ": " + DecodingFailure.describe(e), null);
        }
        try (EventTracing.Scope span = tracing.continueTrace("process " + route.getName(), TraceStep.PROCESS,
                cloudEvent.trace())) {
            return deliver(channel, event, message, route, source, id, subject, payload);
        }
    }

    private CompletionStage<Void> deliver(String channel, String event, Message<?> message, IncomingRoute route,
            String source, String id, String subject, Object payload) {
        Runnable fire = () -> firing.fire(route.getModule(), route.getName(), payload, Remote.Literal.INSTANCE);
        try {
            if (inbox == null) {
                fire.run();
            } else if (!inbox.deliverOnce(source, id, fire)) {
                recentIds.add(source, id);
                counters.incoming(channel, event, IncomingOutcome.DUPLICATE);
                LOG.debugf("Dropped a duplicate that the inbox has seen before%s", subject);
                return message.ack();
            }
        } catch (RuntimeException | Error e) {
            // an AssertionError or a StackOverflowError of a receiver rejects the message as an exception does
            return reject(channel, event, message, "A receiver failed" + subject + ": " + e, e);
        }
        recentIds.add(source, id);
        counters.incoming(channel, event, IncomingOutcome.DELIVERED);
        firing.fireAsync(route.getModule(), route.getName(), payload, Remote.Literal.INSTANCE).exceptionally(failure -> {
            LOG.errorf(failure, "An asynchronous receiver failed%s", subject);
            return null;
        });
        return message.ack();
    }

    private static String abbreviated(String text) {
        return text.length() <= ABBREVIATED_LENGTH ? text : text.substring(0, ABBREVIATED_LENGTH) + "...]";
    }

    private CompletionStage<Void> reject(String channel, String event, Message<?> message, String reason,
            Throwable cause) {
        counters.incoming(channel, event, IncomingOutcome.REJECTED);
        IncomingEventRejectedException rejection = new IncomingEventRejectedException(reason, cause);
        LOG.error(reason, cause);
        return message.nack(rejection);
    }

    private Object decode(Object data, Class<?> payloadType) throws IOException {
        Object payload = decodeJson(data, payloadType);
        if (payload == null) {
            throw new DecodingFailure.UnsupportedData("the data is null, and an event needs a payload");
        }
        return payload;
    }

    private Object decodeJson(Object data, Class<?> payloadType) throws IOException {
        if (data instanceof JsonNode tree) {
            return objectMapper.treeToValue(tree, payloadType);
        }
        byte[] json = JsonBodies.bytes(data);
        if (json != null) {
            return objectMapper.readValue(json, payloadType);
        }
        if (payloadType.isInstance(data)) {
            return data;
        }
        throw new DecodingFailure.UnsupportedData("unsupported data " + (data == null ? "null" : data.getClass().getName())
                + "; expected JSON as " + JsonBodies.FORMS);
    }
}
