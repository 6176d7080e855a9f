package io.quarkiverse.moduleevents.benchmarks.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * One business transaction of the durable-receiver benchmark: a row in {@code parcels} and one event, with the
 * module's emitter.
 */
@ApplicationScoped
public class ParcelSender {

    static final String CREATE_PARCELS = "CREATE TABLE IF NOT EXISTS parcels (id VARCHAR(64) PRIMARY KEY,"
            + " order_id VARCHAR(64) NOT NULL, weight_grams INT NOT NULL)";
    private static final String INSERT_PARCEL = "INSERT INTO parcels (id, order_id, weight_grams) VALUES (?, ?, ?)";

    private final AgroalDataSource dataSource;
    private final ParcelEvents events;

    ParcelSender(AgroalDataSource dataSource, ParcelEvents events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    /**
     * @param event {@link ParcelEvents#PACKED} or {@link ParcelEvents#SHIPPED}
     */
    @Transactional
    public void store(Parcel parcel, String event) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_PARCEL)) {
            insert.setString(1, parcel.id());
            insert.setString(2, parcel.orderId());
            insert.setInt(3, parcel.weightGrams());
            insert.executeUpdate();
        }
        events.send(event, parcel);
    }
}
