package io.quarkiverse.moduleevents.messaging.it;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

/**
 * Starts a single-node Kafka broker in KRaft mode (broker and controller in one process, no ZooKeeper) inside the
 * test JVM with {@link EmbeddedKafkaBroker}, listening on 127.0.0.1 with free ports. No container is involved.
 * <p>
 * Init args:
 * <ul>
 * <li>{@code topics}: comma-separated topics to create before the application starts, each {@code name} or
 * {@code name:partitions} (topics are otherwise auto-created with one partition on first use).</li>
 * </ul>
 * Published config: {@code kafka.bootstrap.servers} (Quarkus hands it to every {@code smallrye-kafka} channel) and
 * {@code quarkus.kafka.devservices.enabled=false}. A test field of type {@link EmbeddedKafkaBroker} annotated
 * {@link InjectKafkaBroker} receives the broker.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOPICS = "topics";

    private List<String> topics = List.of();
    private EmbeddedKafkaBroker broker;

    @Override
    public void init(Map<String, String> initArgs) {
        String t = initArgs.get(TOPICS);
        if (t != null) {
            topics = Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }

    @Override
    public Map<String, String> start() {
        Path logDir = Path.of("target", "kafka-data", UUID.randomUUID().toString()).toAbsolutePath();
        broker = new EmbeddedKafkaBroker()
                .withKafkaHost(FreePorts.HOST)
                .withKafkaPort(FreePorts.next())
                .withControllerPort(FreePorts.next())
                .withDeleteLogDirsOnClose(true)
                .withAdditionalProperties(p -> {
                    p.put("log.dir", logDir.toString());
                    p.put("auto.create.topics.enable", "true");
                    p.put("group.initial.rebalance.delay.ms", "0");
                })
                .start();
        String bootstrap = bootstrapServers(broker);
        createTopics(bootstrap);
        return Map.of(
                "kafka.bootstrap.servers", bootstrap,
                "quarkus.kafka.devservices.enabled", "false");
    }

    /** {@code host:port} of the PLAINTEXT listener, as Kafka clients want it (no {@code PLAINTEXT://} prefix). */
    public static String bootstrapServers(EmbeddedKafkaBroker broker) {
        return Arrays.stream(broker.getAdvertisedListeners().split(","))
                .filter(l -> l.startsWith("PLAINTEXT://"))
                .map(l -> l.substring("PLAINTEXT://".length()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no PLAINTEXT listener in " + broker.getAdvertisedListeners()));
    }

    private void createTopics(String bootstrap) {
        if (topics.isEmpty()) {
            return;
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(topics.stream().map(spec -> {
                String[] parts = spec.split(":");
                int partitions = parts.length > 1 ? Integer.parseInt(parts[1]) : 1;
                return new NewTopic(parts[0], partitions, (short) 1);
            }).toList()).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create topics " + topics, e);
        }
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, EmbeddedKafkaBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
