package io.quarkiverse.moduleevents.messaging.it;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.KafkaServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts a single-node Kafka broker in KRaft mode inside the test JVM ({@link KafkaServer}), listening on 127.0.0.1
 * with free ports. No container is involved.
 * <p>
 * Init args:
 * <ul>
 * <li>{@code topics}: comma-separated topics to create before the application starts, each {@code name} or
 * {@code name:partitions} (topics are otherwise auto-created with one partition on first use).</li>
 * </ul>
 * Published config: {@code kafka.bootstrap.servers} (Quarkus hands it to every {@code smallrye-kafka} channel) and
 * {@code quarkus.kafka.devservices.enabled=false}. A test field of type {@link KafkaServer} annotated
 * {@link InjectKafkaBroker} receives the broker.
 */
public class KafkaTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String TOPICS = "topics";

    private List<String> topics = List.of();
    private KafkaServer broker;

    @Override
    public void init(Map<String, String> initArgs) {
        String t = initArgs.get(TOPICS);
        if (t != null) {
            topics = Arrays.stream(t.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
    }

    @Override
    public Map<String, String> start() {
        Path logDir = Path.of("target", "kafka-data", UUID.randomUUID().toString());
        broker = new KafkaServer(FreePorts.next(), logDir).start();
        for (String spec : topics) {
            String[] parts = spec.split(":");
            broker.createTopic(parts[0], parts.length > 1 ? Integer.parseInt(parts[1]) : 1);
        }
        return Map.of(
                "kafka.bootstrap.servers", broker.bootstrapServers(),
                "quarkus.kafka.devservices.enabled", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectKafkaBroker.class, KafkaServer.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
