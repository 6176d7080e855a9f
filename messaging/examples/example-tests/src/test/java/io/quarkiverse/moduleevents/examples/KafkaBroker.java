package io.quarkiverse.moduleevents.examples;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one node, no ZooKeeper) inside this JVM, on
 * 127.0.0.1, with plain clients to look at what is on its topics. No container is involved.
 */
final class KafkaBroker implements AutoCloseable {

    private final EmbeddedKafkaBroker broker;
    private final String bootstrapServers;

    private KafkaBroker(EmbeddedKafkaBroker broker) {
        this.broker = broker;
        this.bootstrapServers = Arrays.stream(broker.getAdvertisedListeners().split(","))
                .filter(listener -> listener.startsWith("PLAINTEXT://"))
                .map(listener -> listener.substring("PLAINTEXT://".length()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "No PLAINTEXT listener in " + broker.getAdvertisedListeners()));
    }

    /**
     * Starts a broker whose data lives in {@code logDir}, deleted when it is closed.
     */
    static KafkaBroker start(int port, Path logDir) {
        return new KafkaBroker(new EmbeddedKafkaBroker()
                .withKafkaHost(FreePorts.HOST)
                .withKafkaPort(port)
                .withControllerPort(FreePorts.next())
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(properties -> {
                    properties.put("log.dir", logDir.toAbsolutePath().toString());
                    properties.put("auto.create.topics.enable", "true");
                    properties.put("group.initial.rebalance.delay.ms", "0");
                })
                .start());
    }

    /** {@code host:port}, as Kafka clients and {@code kafka.bootstrap.servers} want it. */
    String bootstrapServers() {
        return bootstrapServers;
    }

    void createTopic(String name, int partitions) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create the topic " + name, e);
            }
        }
    }

    /**
     * Reads a topic from its beginning with a plain consumer, outside any consumer group, until one record matches or
     * the time is up.
     *
     * @return every record read, in order; the matching one among them unless the time ran out
     */
    List<ConsumerRecord<String, byte[]>> read(String topic, Predicate<ConsumerRecord<String, byte[]>> until,
            Duration timeout) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && System.nanoTime() < deadline) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5)).stream()
                        .map(info -> new TopicPartition(topic, info.partition())).toList();
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records.add(record);
                    if (until.test(record)) {
                        return records;
                    }
                }
            }
        }
        return records;
    }

    /** Sends a record with a plain producer and waits for the broker's acknowledgement. */
    void send(ProducerRecord<String, byte[]> record) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + record.topic(), e);
        }
    }

    @Override
    public void close() {
        broker.close();
    }
}
