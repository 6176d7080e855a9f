package io.quarkiverse.moduleevents.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;

/**
 * Plain Kafka clients (no SmallRye, no Quarkus) to read and write what is really on the broker: a consumer outside any
 * group that reads a topic from its start to its current end, a producer that waits for every acknowledgement
 * ({@code acks=all}), and the committed offsets of a group.
 */
public final class PlainKafkaClient implements AutoCloseable {

    private static final Duration READ_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrapServers;
    private KafkaProducer<String, byte[]> producer;

    public PlainKafkaClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /**
     * Every record of a topic, from its start to the end offsets of the moment of the call; none when the topic does
     * not exist.
     */
    public List<ConsumerRecord<String, byte[]>> records(String topic) {
        Properties properties = new Properties();
        properties.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        properties.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        properties.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(properties, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " up to " + end);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        } catch (TimeoutException e) {
            // the topic does not exist: nothing was ever sent to it
        }
        return records;
    }

    /** Waits until the topic holds a record that matches, and returns the first. */
    public ConsumerRecord<String, byte[]> awaitRecord(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        List<ConsumerRecord<String, byte[]>> upToMatch = awaitRecordsUpTo(topic, match);
        return upToMatch.get(upToMatch.size() - 1);
    }

    /**
     * Waits until the topic holds a record that matches, and returns the records from the start of the topic to the
     * first that matches, in order (with one partition, what was on the topic before it).
     */
    public List<ConsumerRecord<String, byte[]>> awaitRecordsUpTo(String topic,
            Predicate<ConsumerRecord<String, byte[]>> match) {
        return Awaitility.await().atMost(AWAIT_TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> upToFirst(records(topic), match), records -> !records.isEmpty());
    }

    private static List<ConsumerRecord<String, byte[]>> upToFirst(List<ConsumerRecord<String, byte[]>> records,
            Predicate<ConsumerRecord<String, byte[]>> match) {
        for (int i = 0; i < records.size(); i++) {
            if (match.test(records.get(i))) {
                return records.subList(0, i + 1);
            }
        }
        return List.of();
    }

    /** Sends a record and waits for the broker's acknowledgement; returns its offset. */
    public long send(String topic, String key, byte[] value, Map<String, String> headers) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((name, text) -> record.headers().add(name, text.getBytes(StandardCharsets.UTF_8)));
        return send(record);
    }

    /** Sends a copy of a record read before (key, value and every header) to a topic. */
    public long forward(ConsumerRecord<String, byte[]> original, String topic) {
        return send(new ProducerRecord<>(topic, null, original.key(), original.value(), original.headers()));
    }

    /** Sends a record and waits for the broker's acknowledgement; returns its offset. */
    public synchronized long send(ProducerRecord<String, byte[]> record) {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        try {
            return producer.send(record).get(30, TimeUnit.SECONDS).offset();
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + record.topic(), e);
        }
    }

    /** The offset the group committed on partition 0 of the topic, -1 when none. */
    public long committed(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            OffsetAndMetadata offset = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata()
                    .get(15, TimeUnit.SECONDS).get(new TopicPartition(topic, 0));
            return offset == null ? -1 : offset.offset();
        } catch (Exception e) {
            throw new IllegalStateException("Could not read the offsets of " + group, e);
        }
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        return header(record.headers(), name);
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /** The value as UTF-8 text, {@code ""} for none. */
    public static String text(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? "" : new String(record.value(), StandardCharsets.UTF_8);
    }

    @Override
    public synchronized void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }
}
