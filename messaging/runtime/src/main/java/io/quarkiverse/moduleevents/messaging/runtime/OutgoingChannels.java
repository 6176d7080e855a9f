package io.quarkiverse.moduleevents.messaging.runtime;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;

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

    void countOutcome(String channel, boolean sent) {
        ChannelCounters.Counts counts = counters.counts(channel);
        if (sent) {
            counts.sent.increment();
        } else {
            counts.sendFailures.increment();
        }
    }

    @SuppressWarnings("unchecked")
    private Emitter<byte[]> emitter(String channel) {
        return emitters.computeIfAbsent(channel,
                name -> (Emitter<byte[]>) channelRegistry.getEmitter(name, Emitter.class));
    }
}
