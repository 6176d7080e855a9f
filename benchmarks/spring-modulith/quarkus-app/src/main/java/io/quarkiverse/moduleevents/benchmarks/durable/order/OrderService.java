package io.quarkiverse.moduleevents.benchmarks.durable.order;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.agroal.api.AgroalDataSource;

/**
 * The sending transaction: one business row and one event. With the {@code plain} listener the event is sent with
 * {@code sendAsync}, which hands it to the {@code @ObservesAsync} receiver on another thread; otherwise with
 * {@code send}, which writes the durable receiver's record in this transaction (and, with no receiver, does nothing).
 */
@ApplicationScoped
public class OrderService {

    private final AgroalDataSource dataSource;
    private final OrderEvents events;
    private final boolean sendAsync;

    OrderService(AgroalDataSource dataSource, OrderEvents events,
            @ConfigProperty(name = "bench.listener") String listener) {
        this.dataSource = dataSource;
        this.events = events;
        this.sendAsync = "plain".equals(listener);
    }

    @Transactional
    public void place(long orderId) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO orders (id) VALUES (?)")) {
            insert.setLong(1, orderId);
            insert.executeUpdate();
        }
        OrderPlaced event = new OrderPlaced(orderId);
        if (sendAsync) {
            events.sendAsync(OrderEvents.PLACED, event);
        } else {
            events.send(OrderEvents.PLACED, event);
        }
    }
}
