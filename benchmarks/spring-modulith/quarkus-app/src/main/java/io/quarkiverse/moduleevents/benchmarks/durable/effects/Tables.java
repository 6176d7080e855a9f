package io.quarkiverse.moduleevents.benchmarks.durable.effects;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/** Creates {@code orders} and {@code effects} at start, as the Spring application's {@code schema.sql} does. */
@ApplicationScoped
class Tables {

    private final AgroalDataSource dataSource;

    Tables(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void create(@Observes StartupEvent start) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS orders (id BIGINT PRIMARY KEY)");
            // no unique constraint: work done twice shows as two rows
            statement.execute("CREATE TABLE IF NOT EXISTS effects (order_id BIGINT NOT NULL,"
                    + " done_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp())");
        }
    }
}
