package io.quarkiverse.moduleevents.outbox.kafka;

import java.nio.file.Path;
import java.util.UUID;

import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.KafkaServer;

/**
 * One Kafka broker (test-support's {@link KafkaServer}, inside this JVM) for the tests of this module. A test class is
 * loaded twice, by JUnit and by the application; the broker is started once.
 */
final class SharedKafka {

    private static final String BOOTSTRAP_SERVERS = SharedKafka.class.getName() + ".bootstrap-servers";

    private SharedKafka() {
    }

    static synchronized String bootstrapServers() {
        String started = System.getProperty(BOOTSTRAP_SERVERS);
        if (started != null) {
            return started;
        }
        KafkaServer kafka = new KafkaServer(FreePorts.next(),
                Path.of("target", "kafka-data", UUID.randomUUID().toString())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(kafka::close));
        System.setProperty(BOOTSTRAP_SERVERS, kafka.bootstrapServers());
        return kafka.bootstrapServers();
    }
}
