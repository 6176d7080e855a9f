package io.quarkiverse.moduleevents.outbox.kafka;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.KafkaServer;

/**
 * A Kafka broker of its own (test-support's {@link KafkaServer}, inside this JVM) for a test that stops and starts it,
 * away from {@link SharedKafka}. A test class is loaded twice, by JUnit, which configures the application, and by the
 * application, which runs the test: the port is chosen once, and the broker belongs to the application's copy, which
 * the test starts before it sends and closes at its end.
 */
final class StoppableKafka {

    private static final String PORT = StoppableKafka.class.getName() + ".port";
    /**
     * A restarted broker registers again only once the session of its previous incarnation expired, which its own
     * controller counts from the restart: 9 s by default, 3 s here, heartbeats every 0.5 s instead of 2 s
     */
    private static final Map<String, String> QUICK_RESTART = Map.of("broker.session.timeout.ms", "3000",
            "broker.heartbeat.interval.ms", "500");
    private static KafkaServer kafka;

    private StoppableKafka() {
    }

    static synchronized String bootstrapServers() {
        if (System.getProperty(PORT) == null) {
            System.setProperty(PORT, String.valueOf(FreePorts.next()));
        }
        return FreePorts.HOST + ":" + System.getProperty(PORT);
    }

    /**
     * Starts the broker, the first time with an empty log directory, then again with what it had.
     */
    static synchronized void start() {
        if (kafka == null) {
            bootstrapServers();
            kafka = new KafkaServer(Integer.parseInt(System.getProperty(PORT)),
                    Path.of("target", "kafka-data", UUID.randomUUID().toString()), QUICK_RESTART);
        }
        kafka.start();
    }

    static synchronized void stop() {
        kafka.stop();
    }

    /**
     * Stops the broker and deletes its log directory, leaving the port to the next test.
     */
    static synchronized void close() {
        kafka.close();
        kafka = null;
    }
}
