package io.quarkiverse.moduleevents.messaging.runtime;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkiverse.moduleevents.messaging.runtime.BridgeMeters.OutgoingOutcome;
import io.quarkiverse.moduleevents.messaging.spi.ChannelClosedException;
import io.smallrye.reactive.messaging.ChannelRegistry;

/**
 * The emitters of the outgoing channels, looked up once each, and the counting of what their sends came to.
 */
@Singleton
public class OutgoingChannels {

    private final ChannelRegistry channelRegistry;
    private final ChannelCounters counters;
    private final Map<String, Emitter<byte[]>> emitters = new ConcurrentHashMap<>();

    @Inject
    OutgoingChannels(ChannelRegistry channelRegistry, ChannelCounters counters) {
        this.channelRegistry = channelRegistry;
        this.counters = counters;
    }

    /**
     * Hands the message to the channel's emitter; a failure to hand it over completes the outcome exceptionally, with a
     * {@link ChannelClosedException} when the connector has closed the channel.
     */
    void send(String channel, Message<byte[]> message, CompletableFuture<Void> outcome) {
        Emitter<byte[]> emitter = emitter(channel);
        try {
            emitter.send(message);
        } catch (RuntimeException e) {
            outcome.completeExceptionally(emitter.isCancelled() ? new ChannelClosedException(channel) : e);
        }
    }

    boolean isClosed(String channel) {
        return emitter(channel).isCancelled();
    }

    /**
     * @param failure {@code null} when the broker acknowledged the event
     */
    void countOutcome(OutgoingRoute route, Throwable failure) {
        countOutcome(route, outcome(failure));
    }

    void countOutcome(OutgoingRoute route, OutgoingOutcome outcome) {
        counters.outgoing(route.getChannel(), route.getName(), outcome);
    }

    private static OutgoingOutcome outcome(Throwable failure) {
        if (failure == null) {
            return OutgoingOutcome.ACKED;
        }
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
                : failure;
        return cause instanceof TimeoutException ? OutgoingOutcome.TIMED_OUT : OutgoingOutcome.FAILED;
    }

    @SuppressWarnings("unchecked")
    private Emitter<byte[]> emitter(String channel) {
        return emitters.computeIfAbsent(channel,
                name -> (Emitter<byte[]>) channelRegistry.getEmitter(name, Emitter.class));
    }
}
