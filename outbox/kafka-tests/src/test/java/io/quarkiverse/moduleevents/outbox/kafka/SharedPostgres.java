package io.quarkiverse.moduleevents.outbox.kafka;

import java.nio.file.Path;
import java.util.UUID;

import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.PostgresServer;

/**
 * One PostgreSQL server (test-support's {@link PostgresServer}) for the tests of this module. A test class is loaded
 * twice, by JUnit and by the application; the server is started once.
 */
final class SharedPostgres {

    private static final String URL = SharedPostgres.class.getName() + ".url";

    private SharedPostgres() {
    }

    /**
     * @return the JDBC URL of its database {@code postgres} (user and password {@code postgres})
     */
    static synchronized String jdbcUrl() {
        String started = System.getProperty(URL);
        if (started != null) {
            return started;
        }
        PostgresServer postgres = new PostgresServer("outbox-kafka-tests", FreePorts.next(),
                Path.of("target", "postgres-data", UUID.randomUUID().toString())).start();
        Runtime.getRuntime().addShutdownHook(new Thread(postgres::close));
        System.setProperty(URL, postgres.jdbcUrl());
        return postgres.jdbcUrl();
    }
}
