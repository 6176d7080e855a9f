package io.quarkiverse.moduleevents.messaging.it;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkiverse.moduleevents.testsupport.ArtemisBroker;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * Starts an embedded ActiveMQ Artemis broker with an AMQP 1.0 acceptor on 127.0.0.1 and a free port, and points
 * {@code quarkus-messaging-amqp} at it.
 * <p>
 * Init args ({@code @WithTestResource(value = ArtemisTestResource.class, initArgs = @ResourceArg(...))}):
 * <ul>
 * <li>{@code queues}: comma-separated queue specs to pre-create, see {@link ArtemisBroker}
 * ({@code name} = anycast queue, {@code address::queue} = multicast fan-out queue). {@code DLQ} and
 * {@code ExpiryQueue} always exist.</li>
 * <li>{@code persistent}: {@code true} (default) keeps a journal under {@code target/artemis-data/}, so durable
 * messages survive {@link ArtemisBroker#restart()}; {@code false} keeps everything in memory.</li>
 * </ul>
 * Published config: {@code amqp-host}, {@code amqp-port}, {@code mp.messaging.connector.smallrye-amqp.host/port}
 * (no user and password: security is off and the client uses SASL ANONYMOUS), and
 * {@code quarkus.amqp.devservices.enabled=false}. A test field of type {@link ArtemisBroker} annotated
 * {@link InjectArtemis} receives the broker, to stop and restart it on the same port.
 */
public class ArtemisTestResource implements QuarkusTestResourceLifecycleManager {

    public static final String QUEUES = "queues";
    public static final String PERSISTENT = "persistent";

    private List<String> queues = List.of();
    private boolean persistent = true;
    private ArtemisBroker broker;

    @Override
    public void init(Map<String, String> initArgs) {
        String q = initArgs.get(QUEUES);
        if (q != null) {
            queues = Arrays.stream(q.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        }
        persistent = Boolean.parseBoolean(initArgs.getOrDefault(PERSISTENT, "true"));
    }

    @Override
    public Map<String, String> start() {
        Path dataDir = Path.of("target", "artemis-data", UUID.randomUUID().toString()).toAbsolutePath();
        broker = new ArtemisBroker(0, dataDir, persistent, queues).start();
        String port = Integer.toString(broker.port());
        return Map.of(
                "amqp-host", broker.host(),
                "amqp-port", port,
                "mp.messaging.connector.smallrye-amqp.host", broker.host(),
                "mp.messaging.connector.smallrye-amqp.port", port,
                "quarkus.amqp.devservices.enabled", "false");
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(broker,
                new TestInjector.AnnotatedAndMatchesType(InjectArtemis.class, ArtemisBroker.class));
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }
}
