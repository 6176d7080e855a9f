package io.quarkiverse.moduleevents.messaging.runtime;

import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.moduleevents.messaging.runtime.BridgeMeters.OutgoingOutcome;
import io.quarkiverse.moduleevents.messaging.spi.EventTraceContext;

/**
 * Sends outgoing events at most once, without the outbox. A send never blocks its caller: the message is handed to the
 * channel's emitter, and its acknowledgement, rejection or time-out is handled when it comes. At most
 * {@code max-pending-sends} sends wait for the broker; every failure is logged with the event's id, name and channel,
 * counted, and not retried.
 */
@Singleton
public class DirectPublisher {

    private static final Logger LOG = Logger.getLogger(DirectPublisher.class);

    private final CloudEventEncoder encoder;
    private final OutgoingChannels channels;
    private final MessagingBridgeConfig config;
    private final AtomicInteger pending = new AtomicInteger();

    @Inject
    DirectPublisher(CloudEventEncoder encoder, OutgoingChannels channels, MessagingBridgeConfig config) {
        this.encoder = encoder;
        this.channels = channels;
        this.config = config;
    }

    /**
     * Encodes and sends the event, under the sender's trace context {@code trace} ({@code null} when none); a payload that
     * cannot be serialised fails the send, which is logged and counted,
     * not the caller.
     */
    void publish(OutgoingRoute route, Object payload, EventTraceContext trace) {
        String id = UUID.randomUUID().toString();
        if (pending.incrementAndGet() > config.maxPendingSends()) {
            pending.decrementAndGet();
            channels.countOutcome(route, OutgoingOutcome.FAILED);
            logLost(id, route, "too many sends wait for the broker (quarkus.module-events.messaging.max-pending-sends="
                    + config.maxPendingSends() + ")", null);
            return;
        }
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        outcome.orTimeout(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .whenComplete((ignored, failure) -> completed(id, route, failure));
        try {
            channels.send(route.getChannel(), encoder.message(encoder.encode(id, route, payload), route, outcome, trace),
                    outcome);
        } catch (RuntimeException e) {
            outcome.completeExceptionally(e);
        }
    }

    private void completed(String id, OutgoingRoute route, Throwable failure) {
        pending.decrementAndGet();
        channels.countOutcome(route, failure);
        if (failure instanceof TimeoutException) {
            logLost(id, route, "the broker did not acknowledge it within " + config.sendTimeout()
                    + " (quarkus.module-events.messaging.send-timeout)", null);
        } else if (failure != null) {
            logLost(id, route, failure.getMessage(), failure);
        }
    }

    private static void logLost(String id, OutgoingRoute route, String reason, Throwable failure) {
        LOG.errorf(failure, "Event not sent: %s [id: %s, event: %s, channel: %s]; it is lost, as delivery without the"
                + " outbox is at most once", reason, id, route.getName(), route.getChannel());
    }
}
