package io.quarkiverse.moduleevents.outbox.kafka;

import java.nio.file.Path;
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
                    Path.of("target", "kafka-data", UUID.randomUUID().toString()));
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
