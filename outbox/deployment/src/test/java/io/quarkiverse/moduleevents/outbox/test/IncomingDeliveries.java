package io.quarkiverse.moduleevents.outbox.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemorySource;

/**
 * Delivers an {@code order:order:placed} CloudEvent to the bridge's incoming channel, as a broker would, and waits for
 * the bridge's acknowledgement or rejection.
 */
final class IncomingDeliveries {

    private IncomingDeliveries() {
    }

    /**
     * @return {@code null} when the message was acknowledged, else the reason it was rejected
     */
    static Throwable deliver(InMemorySource<Object> channel, String source, String id, String json)
            throws Exception {
        return deliver(channel, source, id, json, Duration.ofSeconds(10));
    }

    /**
     * @return {@code null} when the message was acknowledged within {@code timeout}, else the reason it was rejected
     */
    static Throwable deliver(InMemorySource<Object> channel, String source, String id, String json, Duration timeout)
            throws Exception {
        byte[] data = json.getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        DefaultIncomingCloudEventMetadata<Object> cloudEvent = new DefaultIncomingCloudEventMetadata<>("1.0", id,
                URI.create(source), OrderEvents.ORDER_PLACED, "application/json", null, null, null, null, data);
        channel.send(Message.<Object> of(data, Metadata.of(cloudEvent))
                .withAck(() -> {
                    outcome.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(reason -> {
                    outcome.complete(reason);
                    return CompletableFuture.completedFuture(null);
                }));
        return outcome.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
}
