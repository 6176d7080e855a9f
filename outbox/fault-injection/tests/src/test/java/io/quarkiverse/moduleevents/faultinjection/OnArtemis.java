package io.quarkiverse.moduleevents.faultinjection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.quarkiverse.moduleevents.testsupport.ArtemisBroker;
import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.PlainAmqpClient;
import io.vertx.amqp.AmqpMessage;

/**
 * ActiveMQ Artemis with AMQP 1.0, persistent, in this JVM. A destination is a multicast address with two durable
 * queues (queue names are global in Artemis, hence the address in them): {@code <address>.consumer}, which the consumer
 * reads by its fully qualified name {@code <address>::<address>.consumer}, and {@code <address>.audit}, which nobody
 * reads until the checker drains it, so it holds a copy of every message the broker accepted. A message the consumer rejects
 * goes to the broker's {@code DLQ}.
 */
final class OnArtemis implements Broker {

    private static final Duration QUIET = Duration.ofSeconds(2);

    private final ArtemisBroker artemis;

    OnArtemis(Path dataDir) {
        artemis = new ArtemisBroker(FreePorts.next(), dataDir.resolve("artemis"), true, List.of())
                .rejectingMessagesOver(MAX_MESSAGE_BYTES);
    }

    @Override
    public String serviceSuffix() {
        return "-amqp";
    }

    @Override
    public void start() {
        artemis.start();
    }

    @Override
    public void stop() {
        artemis.stop();
    }

    @Override
    public void createDestination(String address) {
        artemis.createQueues(consumerQueue(address), auditQueue(address));
    }

    @Override
    public Map<String, String> producerConfig(String address) {
        return Map.of("amqp-port", String.valueOf(artemis.port()), "mp.messaging.outgoing.orders.address", address);
    }

    @Override
    public Map<String, String> consumerConfig(String address, String consumerGroup) {
        return Map.of("amqp-port", String.valueOf(artemis.port()),
                "mp.messaging.incoming.orders.address", consumerQueue(address));
    }

    @Override
    public boolean refusalClosesTheSendingChannel() {
        return true;
    }

    @Override
    public Map<String, String> longerInFlight() {
        return Map.of();
    }

    @Override
    public List<Published> published(String address) {
        return drain(auditQueue(address)).stream()
                .map(message -> new Published(message.applicationProperties().getString("cloudEvents:id"),
                        body(message)))
                .toList();
    }

    @Override
    public List<String> deadLettered(String address) {
        return drain(ArtemisBroker.DLQ).stream().map(OnArtemis::body).toList();
    }

    private static String consumerQueue(String address) {
        return address + "::" + address + ".consumer";
    }

    private static String auditQueue(String address) {
        return address + "::" + address + ".audit";
    }

    private List<AmqpMessage> drain(String queue) {
        try (PlainAmqpClient client = new PlainAmqpClient(artemis.host(), artemis.port())) {
            return client.drain(queue, QUIET);
        }
    }

    private static String body(AmqpMessage message) {
        return message.bodyAsBinary().toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        artemis.close();
    }
}
