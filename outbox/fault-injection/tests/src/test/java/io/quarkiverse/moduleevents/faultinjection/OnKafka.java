package io.quarkiverse.moduleevents.faultinjection;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.KafkaServer;

/**
 * Kafka (KRaft, in this JVM): a destination is a topic of one partition with {@code max.message.bytes} at the limit,
 * the consumer's dead letters go to {@code dead-letter-topic-<topic>}, and the topic itself is the record of what was
 * published.
 */
final class OnKafka implements Broker {

    private final KafkaServer kafka;

    OnKafka(Path dataDir) {
        kafka = new KafkaServer(FreePorts.next(), dataDir.resolve("kafka"));
    }

    @Override
    public String serviceSuffix() {
        return "";
    }

    @Override
    public void start() {
        kafka.start();
    }

    @Override
    public void stop() {
        kafka.stop();
    }

    @Override
    public void createDestination(String topic) {
        kafka.createTopic(topic, 1, Map.of("max.message.bytes", String.valueOf(MAX_MESSAGE_BYTES)));
    }

    @Override
    public Map<String, String> producerConfig(String topic) {
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "mp.messaging.outgoing.orders.topic", topic);
    }

    @Override
    public Map<String, String> consumerConfig(String topic, String consumerGroup) {
        return Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(),
                "mp.messaging.incoming.orders.topic", topic,
                "mp.messaging.incoming.orders.group.id", consumerGroup,
                // the consumer starts beside the producer and may subscribe after its first records
                "mp.messaging.incoming.orders.auto.offset.reset", "earliest",
                "mp.messaging.incoming.orders.dead-letter-queue.topic", deadLetterTopic(topic),
                // a killed consumer's partitions go to its successor after 6 s, not Kafka's default 45 s
                "mp.messaging.incoming.orders.session.timeout.ms", "6000",
                "mp.messaging.incoming.orders.heartbeat.interval.ms", "1000");
    }

    @Override
    public boolean refusalClosesTheSendingChannel() {
        return false;
    }

    @Override
    public Map<String, String> longerInFlight() {
        // the Kafka client waits up to 500 ms to batch: events sent in that window are only in the process's memory
        return Map.of("mp.messaging.outgoing.orders.linger.ms", "500");
    }

    @Override
    public List<Published> published(String topic) {
        return kafka.readAll(topic).stream()
                .map(record -> new Published(KafkaServer.header(record, "ce_id"), body(record))).toList();
    }

    @Override
    public List<String> deadLettered(String topic) {
        return kafka.readAll(deadLetterTopic(topic)).stream().map(OnKafka::body).toList();
    }

    private static String deadLetterTopic(String topic) {
        return "dead-letter-topic-" + topic;
    }

    private static String body(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        kafka.close();
    }
}
