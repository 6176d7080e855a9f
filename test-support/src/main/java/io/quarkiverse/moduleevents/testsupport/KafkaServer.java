package io.quarkiverse.moduleevents.testsupport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.Uuid;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * A single-node Kafka broker in KRaft mode inside this JVM (EmbeddedKafkaBroker) on 127.0.0.1. {@link #stop()} shuts it
 * down keeping its log directory; {@link #start()} starts a new broker on the same ports, with the same cluster id,
 * node id and log directory, which EmbeddedKafkaBroker formats with "ignore formatted", so topics, records and
 * committed offsets survive. {@link #close()} stops it and deletes the log directory.
 */
public final class KafkaServer implements AutoCloseable {

    private final int port;
    private final int controllerPort;
    private final Path logDir;
    private final Map<String, String> brokerProperties;
    private final String clusterId = Uuid.randomUuid().toString();
    private EmbeddedKafkaBroker broker;

    public KafkaServer(int port, Path logDir) {
        this(port, logDir, Map.of());
    }

    /**
     * @param brokerProperties broker configuration added to, or replacing, this class's own
     */
    public KafkaServer(int port, Path logDir, Map<String, String> brokerProperties) {
        this.port = port;
        this.controllerPort = FreePorts.next();
        this.logDir = logDir.toAbsolutePath();
        this.brokerProperties = Map.copyOf(brokerProperties);
    }

    public synchronized KafkaServer start() {
        if (broker == null) {
            broker = new EmbeddedKafkaBroker()
                    .withNodeId(1)
                    .withClusterId(clusterId)
                    .withKafkaHost(FreePorts.HOST)
                    .withKafkaPort(port)
                    .withControllerPort(controllerPort)
                    .withDeleteLogDirsOnClose(false)
                    .withAdditionalProperties(properties -> {
                        properties.put("log.dir", logDir.toString());
                        properties.put("auto.create.topics.enable", "true");
                        properties.put("group.initial.rebalance.delay.ms", "0");
                        properties.put("offsets.topic.num.partitions", "1");
                        properties.putAll(brokerProperties);
                    })
                    .start();
        }
        return this;
    }

    public synchronized void stop() {
        if (broker != null) {
            try {
                broker.close();
            } finally {
                broker = null;
            }
        }
    }

    public String bootstrapServers() {
        return FreePorts.HOST + ":" + port;
    }

    public void createTopic(String name, int partitions) {
        createTopic(name, partitions, Map.of());
    }

    public void createTopic(String name, int partitions, Map<String, String> config) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic(name, partitions, (short) 1).configs(config))).all()
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the topic " + name, e);
        }
    }

    /** Every record of a topic, read from the beginning to its end offsets by a plain consumer outside any group. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic) {
        try (PlainKafkaClient client = new PlainKafkaClient(bootstrapServers())) {
            return client.records(topic);
        }
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        return PlainKafkaClient.header(record, name);
    }

    /** Stops the broker and deletes its log directory. */
    @Override
    public void close() {
        try {
            stop();
        } finally {
            Directories.deleteRecursively(logDir);
        }
    }
}
