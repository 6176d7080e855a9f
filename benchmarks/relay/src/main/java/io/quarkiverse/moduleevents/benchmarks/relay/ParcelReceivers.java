package io.quarkiverse.moduleevents.benchmarks.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.outbox.Durable;

/**
 * The receivers of the durable-receiver benchmark. The ordinary one counts; the durable one writes one row to
 * {@code parcel_effects} in its delivery's transaction, the database work a receiver would do, and counts once that
 * transaction is under way (it commits right after, with the record's deletion).
 */
@ApplicationScoped
public class ParcelReceivers {

    static final String CREATE_EFFECTS = "CREATE TABLE IF NOT EXISTS parcel_effects (parcel_id VARCHAR(64) NOT NULL,"
            + " received_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)";
    private static final String INSERT_EFFECT = "INSERT INTO parcel_effects (parcel_id) VALUES (?)";

    private final AgroalDataSource dataSource;
    private final AtomicLong packed = new AtomicLong();
    private final AtomicLong shipped = new AtomicLong();

    ParcelReceivers(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    void onPacked(@Observes @Named(ParcelEvents.PACKED) Parcel parcel) {
        packed.incrementAndGet();
    }

    @Durable
    void onShipped(@Observes @Named(ParcelEvents.SHIPPED) Parcel parcel) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_EFFECT)) {
            insert.setString(1, parcel.id());
            insert.executeUpdate();
        }
        shipped.incrementAndGet();
    }

    public long packed() {
        return packed.get();
    }

    public long shipped() {
        return shipped.get();
    }
}
