package io.quarkiverse.moduleevents.outbox.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

/**
 * Plain SQL for assertions, and waiting for the relay.
 */
final class Db {

    private Db() {
    }

    static void execute(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            statement.execute();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * @return the first column of every row
     */
    static List<String> strings(DataSource dataSource, String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(DataSource dataSource, String sql, Object... parameters) {
        return Long.parseLong(strings(dataSource, sql, parameters).get(0));
    }

    /**
     * Ends, from a connection of its own to {@code url}, the PostgreSQL connection that {@code dataSource} gives the
     * caller (within a transaction, the transaction's), as the server does when it shuts down.
     */
    static void endConnection(DataSource dataSource, String url) {
        long backend = count(dataSource, "SELECT pg_backend_pid()");
        try (Connection other = DriverManager.getConnection(url, "postgres", "postgres");
                PreparedStatement terminate = other.prepareStatement("SELECT pg_terminate_backend(?, 5000)")) {
            terminate.setInt(1, (int) backend);
            terminate.executeQuery();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
