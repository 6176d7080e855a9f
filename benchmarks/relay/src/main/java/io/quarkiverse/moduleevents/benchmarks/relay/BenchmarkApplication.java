package io.quarkiverse.moduleevents.benchmarks.relay;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.KafkaServer;
import io.quarkiverse.moduleevents.testsupport.PostgresServer;
import io.quarkus.arc.Arc;
import io.quarkus.runtime.Application;

/**
 * PostgreSQL (a child process) and a Kafka broker (in this JVM) on 127.0.0.1, and the packaged application booted as
 * Quarkus's {@code main} would, with their addresses as system properties: what each benchmark's fork starts.
 */
final class BenchmarkApplication implements AutoCloseable {

    /** {@code quarkus.application.name}: the service whose outbox rows the relay sends */
    static final String SERVICE = "relay-benchmark";

    private final Path data;
    private PostgresServer postgres;
    private KafkaServer kafka;
    private Application application;

    /**
     * @param synchronousCommit PostgreSQL's {@code synchronous_commit}: {@code on} waits for the commit's WAL to reach
     *        the disk
     * @param properties further system properties for the application
     */
    BenchmarkApplication(String synchronousCommit, Map<String, String> properties) throws Exception {
        // until the application configures logging, JBoss LogManager prints INFO, and both servers say a lot
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        data = Files.createTempDirectory("relay-benchmark");
        try {
            // zonky turns synchronous_commit off by default; PostgreSQL's own default is on
            postgres = new PostgresServer("relay-db", FreePorts.next(), data.resolve("postgres"))
                    .setting("synchronous_commit", synchronousCommit).start();
            kafka = new KafkaServer(FreePorts.next(), data.resolve("kafka")).start();
            kafka.createTopic(RelayThroughputBenchmark.OUTBOX_TOPIC, 1, Map.of());
            kafka.createTopic(RelayThroughputBenchmark.PLAIN_TOPIC, 1, Map.of());
            System.setProperty("quarkus.datasource.jdbc.url", postgres.jdbcUrl());
            System.setProperty("kafka.bootstrap.servers", kafka.bootstrapServers());
            System.setProperty("mp.messaging.outgoing." + RelayThroughputBenchmark.OUTBOX_CHANNEL + ".topic",
                    RelayThroughputBenchmark.OUTBOX_TOPIC);
            System.setProperty("mp.messaging.outgoing." + PlainConnectorSender.CHANNEL + ".topic",
                    RelayThroughputBenchmark.PLAIN_TOPIC);
            properties.forEach(System::setProperty);
            application = (Application) Class.forName("io.quarkus.runner.ApplicationImpl").getDeclaredConstructor()
                    .newInstance();
            application.start(new String[0]);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    BenchmarkBeans beans() {
        return Arc.container().instance(BenchmarkBeans.class).get();
    }

    @Override
    public void close() throws Exception {
        try {
            if (application != null) {
                application.stop();
            }
        } finally {
            try {
                if (kafka != null) {
                    kafka.close();
                }
            } finally {
                if (postgres != null) {
                    postgres.close();
                }
                try (Stream<Path> files = Files.walk(data)) {
                    files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
                }
            }
        }
    }
}
