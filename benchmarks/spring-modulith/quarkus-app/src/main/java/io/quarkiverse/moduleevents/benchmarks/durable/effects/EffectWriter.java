package io.quarkiverse.moduleevents.benchmarks.durable.effects;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;

/**
 * The receivers' database work: one row in {@code effects} per order, in the receiver's transaction. The table has no
 * unique constraint, so work done twice shows as two rows.
 * <p>
 * With {@code bench.crash-at-id} set, {@link #haltIfCrashPoint} halts the process, as under {@code SIGKILL}, when the
 * receiver of that order has done its work: the receivers call it at the end of their work, so for the durable
 * receiver it falls before the delivery's transaction (the effect row and the deletion of the record) commits.
 */
@ApplicationScoped
public class EffectWriter {

    static final int KILLED = 137;

    private final AgroalDataSource dataSource;
    private final long crashAtId;

    EffectWriter(AgroalDataSource dataSource, @ConfigProperty(name = "bench.crash-at-id") long crashAtId) {
        this.dataSource = dataSource;
        this.crashAtId = crashAtId;
    }

    public void write(long orderId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO effects (order_id) VALUES (?)")) {
            insert.setLong(1, orderId);
            insert.executeUpdate();
        }
    }

    public void haltIfCrashPoint(long orderId) {
        if (orderId == crashAtId) {
            Runtime.getRuntime().halt(KILLED);
        }
    }
}
