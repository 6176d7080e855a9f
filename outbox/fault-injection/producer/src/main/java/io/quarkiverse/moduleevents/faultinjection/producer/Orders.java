package io.quarkiverse.moduleevents.faultinjection.producer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * The business write and its event, in one {@code @Transactional} method: the order row is inserted, then the event is
 * sent through the module's emitter; a requested rollback throws after both. With
 * {@code fault-injection.send-async=true} (the durable receivers' app, for its {@code @ObservesAsync} baseline) the
 * event is sent with {@code sendAsync} instead of {@code send}: it reaches the asynchronous receivers, and a durable
 * receiver's record is written in this transaction as with {@code send}.
 */
@ApplicationScoped
public class Orders {

    private final AgroalDataSource dataSource;
    private final OrderEvents events;
    private final String instance;
    private final boolean sendAsync;

    Orders(AgroalDataSource dataSource, OrderEvents events,
            @ConfigProperty(name = "fault-injection.instance", defaultValue = "producer") String instance,
            @ConfigProperty(name = "fault-injection.send-async", defaultValue = "false") boolean sendAsync) {
        this.dataSource = dataSource;
        this.events = events;
        this.instance = instance;
        this.sendAsync = sendAsync;
    }

    void createSchema(@Observes StartupEvent start) throws SQLException {
        Tables.create(dataSource, "orders", "CREATE TABLE IF NOT EXISTS orders (business_id VARCHAR(100) PRIMARY KEY,"
                + " sequence INT NOT NULL, instance VARCHAR(100) NOT NULL,"
                + " created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())");
    }

    /**
     * @return {@code false}, without sending, when an order with that business id exists (a resubmitted range)
     * @throws RollbackRequested after the insert and the send, when {@code rollback} is set
     */
    @Transactional
    public boolean place(String businessId, int sequence, boolean rollback, int paddingBytes) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO orders (business_id, sequence,"
                        + " instance) VALUES (?, ?, ?) ON CONFLICT (business_id) DO NOTHING")) {
            insert.setString(1, businessId);
            insert.setInt(2, sequence);
            insert.setString(3, instance);
            if (insert.executeUpdate() == 0) {
                return false;
            }
        }
        OrderPlaced order = new OrderPlaced(businessId, sequence, instance, "x".repeat(paddingBytes));
        if (sendAsync) {
            events.sendAsync(OrderEvents.PLACED, order);
        } else {
            events.send(OrderEvents.PLACED, order);
        }
        if (rollback) {
            throw new RollbackRequested(businessId);
        }
        return true;
    }

    public static class RollbackRequested extends RuntimeException {
        RollbackRequested(String businessId) {
            super("Rolled back on request: " + businessId, null, false, false);
        }
    }
}
