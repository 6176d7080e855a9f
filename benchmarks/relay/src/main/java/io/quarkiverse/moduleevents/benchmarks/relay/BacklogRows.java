package io.quarkiverse.moduleevents.benchmarks.relay;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.agroal.api.AgroalDataSource;

/**
 * Commits a backlog of outbox rows with plain JDBC, as the outbox's writer would have written them for
 * {@link OrderEvents#PLACED} on channel "orders", but with no writer involved: no commit of the writer's wakes the
 * relay, so with a long {@code relay.poll-interval} the rows wait until the next event sent through the emitter.
 */
@ApplicationScoped
public class BacklogRows {

    private static final String INSERT = """
            INSERT INTO module_events_outbox (id, service, channel, event_name, module, source, subject, payload,
                created_at, status, attempts, next_attempt_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)""";
    private static final int ROWS_PER_BATCH = 1000;

    private final AgroalDataSource dataSource;
    private final ObjectMapper objectMapper;

    BacklogRows(AgroalDataSource dataSource, ObjectMapper objectMapper) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
    }

    /**
     * Writes one row per order, in one transaction.
     */
    public void commit(List<OrderPlaced> orders) throws SQLException, JsonProcessingException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(false);
            for (int i = 0; i < orders.size(); i++) {
                OrderPlaced order = orders.get(i);
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, BenchmarkApplication.SERVICE);
                insert.setString(3, RelayThroughputBenchmark.OUTBOX_CHANNEL);
                insert.setString(4, OrderEvents.PLACED);
                insert.setString(5, "order");
                insert.setString(6, PlainConnectorSender.SOURCE.toString());
                insert.setString(7, order.orderId());
                insert.setBytes(8, objectMapper.writeValueAsBytes(order));
                insert.setObject(9, now);
                insert.setObject(10, now);
                insert.addBatch();
                if ((i + 1) % ROWS_PER_BATCH == 0 || i == orders.size() - 1) {
                    insert.executeBatch();
                }
            }
            connection.commit();
        }
    }
}
