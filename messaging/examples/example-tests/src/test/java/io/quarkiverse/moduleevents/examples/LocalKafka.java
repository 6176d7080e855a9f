package io.quarkiverse.moduleevents.examples;

import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import io.quarkiverse.moduleevents.testsupport.KafkaServer;

/**
 * Starts a Kafka broker on {@code 127.0.0.1:<port>} (first argument, default 9092) for running the example services
 * by hand, creates their topic {@code user-events}, and keeps it running until the JVM is stopped (Ctrl+C). Its data
 * lives below the directory of the second argument (default {@code target/local-kafka}) and is deleted on a normal
 * stop.
 *
 * <pre>
 * ./mvnw -f messaging/examples/example-tests/pom.xml test-compile exec:java
 * </pre>
 */
public final class LocalKafka {

    private LocalKafka() {
    }

    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9092;
        Path data = Path.of(args.length > 1 ? args[1] : "target/local-kafka").resolve(UUID.randomUUID().toString());
        KafkaServer broker = new KafkaServer(port, data).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            broker.close();
            stopped.countDown();
        }, "local-kafka-stop"));
        broker.createTopic("user-events", 1);
        System.out.println("Kafka is ready on " + broker.bootstrapServers() + " with the topic user-events;"
                + " Ctrl+C stops it");
        stopped.await();
    }
}
