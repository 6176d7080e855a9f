package io.quarkiverse.moduleevents.benchmarks.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * The business transaction of {@link BusinessTransactionBenchmark}: a row in {@code orders}, without an event or with
 * one bridged event, which the outbox writes in the same transaction.
 */
@ApplicationScoped
public class OrderTransactions {

    static final String CREATE_ORDERS = "CREATE TABLE IF NOT EXISTS orders (id VARCHAR(64) PRIMARY KEY,"
            + " customer_id VARCHAR(64) NOT NULL, amount_cents BIGINT NOT NULL, currency VARCHAR(3) NOT NULL)";
    private static final String INSERT_ORDER = "INSERT INTO orders (id, customer_id, amount_cents, currency)"
            + " VALUES (?, ?, ?, ?)";

    private final AgroalDataSource dataSource;
    private final OrderEvents events;

    OrderTransactions(AgroalDataSource dataSource, OrderEvents events) {
        this.dataSource = dataSource;
        this.events = events;
    }

    @Transactional
    public void place(OrderPlaced order) throws SQLException {
        insert(order);
    }

    @Transactional
    public void placeAndSend(OrderPlaced order) throws SQLException {
        insert(order);
        events.send(OrderEvents.PLACED, order);
    }

    private void insert(OrderPlaced order) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT_ORDER)) {
            insert.setString(1, order.orderId());
            insert.setString(2, order.customerId());
            insert.setLong(3, order.amountCents());
            insert.setString(4, order.currency());
            insert.executeUpdate();
        }
    }
}
