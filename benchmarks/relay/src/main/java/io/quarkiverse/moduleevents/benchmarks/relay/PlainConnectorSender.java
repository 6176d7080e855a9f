package io.quarkiverse.moduleevents.benchmarks.relay;

import java.net.URI;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * Sends the benchmark's payloads straight to a SmallRye Kafka channel, as records that match the bridge's: the JSON
 * payload, the binary CloudEvents attributes the bridge sets, and the order id as the subject and the record key. No
 * outbox, no transaction: the ceiling for the relay.
 */
@ApplicationScoped
public class PlainConnectorSender {

    static final String CHANNEL = "plain-orders";
    static final URI SOURCE = URI.create("/" + BenchmarkApplication.SERVICE + "/order");

    @Inject
    @Channel(CHANNEL)
    @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
    Emitter<byte[]> emitter;

    @Inject
    ObjectMapper objectMapper;

    /**
     * @return completes when the broker acknowledged the record, exceptionally when the send failed
     */
    public CompletableFuture<Void> send(OrderPlaced order) throws JsonProcessingException {
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        OutgoingCloudEventMetadata<byte[]> cloudEvent = OutgoingCloudEventMetadata.<byte[]> builder()
                .withId(UUID.randomUUID().toString())
                .withType(OrderEvents.PLACED)
                .withSource(SOURCE)
                .withTimestamp(ZonedDateTime.now(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .withSubject(order.orderId())
                .build();
        Metadata metadata = Metadata.of(cloudEvent,
                OutgoingKafkaRecordMetadata.<String> builder().withKey(order.orderId()).build());
        emitter.send(Message.of(objectMapper.writeValueAsBytes(order), metadata)
                .withAck(() -> {
                    acknowledged.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(reason -> {
                    acknowledged.completeExceptionally(reason);
                    return CompletableFuture.completedFuture(null);
                }));
        return acknowledged;
    }
}
