package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;

/**
 * The relay publishes committed rows, deletes them once the broker acknowledged them, keeps each subject's order
 * across the batches it has in flight, publishes rows another
 * instance left behind, and skips rows another transaction holds locked.
 */
class OutboxRelayTest {

    private static final String URL = "jdbc:h2:mem:outbox-relay;DB_CLOSE_DELAY=-1";
    private static final String NOW = "CURRENT_TIMESTAMP";
    private static final String IN_TWO_SECONDS = "DATEADD(SECOND, 2, CURRENT_TIMESTAMP)";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Db.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", URL)
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop")
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-in-memory");

    @Inject
    OrderEvents orders;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Any
    InMemoryConnector connector;

    InMemorySink<byte[]> sink;

    @BeforeEach
    void clear() {
        sink = connector.sink("order-out");
        sink.clear();
    }

    @Test
    void publishesAfterTheCommitAndDeletesTheAcknowledgedRow() {
        String[] id = new String[1];
        QuarkusTransaction.requiringNew().run(() -> {
            orders.send(OrderEvents.ORDER_PLACED, new Order("r-1", 10));
            id[0] = Db.strings(dataSource, "SELECT id FROM module_events_outbox WHERE subject = 'r-1'").get(0);
            assertEquals(List.of(), sink.received(), "nothing goes out before the commit");
        });

        Db.await("the event is published", () -> sink.received().size() == 1);
        Message<byte[]> message = sink.received().get(0);
        OutgoingCloudEventMetadata<?> cloudEvent = message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        assertEquals(id[0], cloudEvent.getId(), "the row's id is the CloudEvents id");
        assertEquals("order:order:placed", cloudEvent.getType());
        assertEquals("r-1", cloudEvent.getSubject().orElseThrow());
        assertEquals("{\"id\":\"r-1\",\"total\":10}", new String(message.getPayload()));
        Db.await("the acknowledged row is deleted",
                () -> Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox WHERE id = ?", id[0]) == 0);
    }

    @Test
    void publishesInOrderOfWriting() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 250; i++) {
                orders.send(OrderEvents.ORDER_PLACED, new Order("same-subject", i));
            }
        });
        Db.await("every event is published", () -> sink.received().size() == 250);
        for (int i = 0; i < 250; i++) {
            assertEquals("{\"id\":\"same-subject\",\"total\":" + i + "}",
                    new String(sink.received().get(i).getPayload()));
        }
    }

    @Test
    void publishesABacklogOfManyBatchesEachSubjectInOrder() {
        // 300 subjects of 3 rows each, a subject's rows 300 rows apart: while the relay has batches in flight, the
        // later rows of their subjects must wait for them
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < 900; i++) {
                orders.send(OrderEvents.ORDER_PLACED, new Order("subject-" + i % 300, i));
            }
        });
        Db.await("every event is published", () -> sink.received().size() == 900);
        Map<String, List<String>> payloadsBySubject = new HashMap<>();
        for (Message<byte[]> message : sink.received()) {
            String subject = String.valueOf(
                    message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getSubject().orElseThrow());
            payloadsBySubject.computeIfAbsent(subject, ignored -> new ArrayList<>()).add(new String(message.getPayload()));
        }
        assertEquals(300, payloadsBySubject.size());
        for (int first = 0; first < 300; first++) {
            String subject = "subject-" + first;
            assertEquals(List.of(order(subject, first), order(subject, first + 300), order(subject, first + 600)),
                    payloadsBySubject.get(subject));
        }
    }

    private static String order(String id, int total) {
        return "{\"id\":\"" + id + "\",\"total\":" + total + "}";
    }

    @Test
    void publishesARowLeftPendingByAnotherInstance() throws SQLException {
        UUID id = UUID.randomUUID();
        // a row written by an instance that died before its relay sent it, its lock gone with its connection
        try (Connection dead = DriverManager.getConnection(URL)) {
            dead.setAutoCommit(false);
            insertPendingRow(dead, id, "left-behind", NOW);
            dead.commit();
            try (Statement lock = dead.createStatement()) {
                lock.executeQuery("SELECT id FROM module_events_outbox WHERE id = '" + id + "' FOR UPDATE");
            }
        }
        Db.await("the left row is published", () -> sink.received().size() == 1);
        assertEquals(id.toString(),
                sink.received().get(0).getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getId());
    }

    @Test
    void skipsARowThatAnotherTransactionHoldsLocked() throws SQLException {
        UUID locked = UUID.randomUUID();
        UUID free = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        try (Connection other = DriverManager.getConnection(URL)) {
            other.setAutoCommit(false);
            // due in two seconds, so that this connection locks the row before the relay may claim it
            insertPendingRow(other, locked, "locked", IN_TWO_SECONDS);
            insertPendingRow(other, free, "free", IN_TWO_SECONDS);
            other.commit();
            try (Statement lock = other.createStatement()) {
                // what another instance's relay does while it sends the row
                lock.executeQuery("SELECT id FROM module_events_outbox WHERE id = '" + locked + "' FOR UPDATE");
            }
            Db.await("the free row is published", () -> sink.received().size() == 1);
            insertPendingRow(dataSource, marker, "marker");
            Db.await("a row written after them is published", () -> sink.received().size() == 2);
            assertEquals(List.of(free.toString(), marker.toString()), publishedIds(),
                    "the locked row is skipped, not waited for");
            other.rollback();
        }
        Db.await("the row is published once unlocked", () -> sink.received().size() == 3);
        assertEquals(locked.toString(), publishedIds().get(2));
        // the relay deletes the row once the broker acknowledged it, after the sink got it
        Db.await("the published rows are deleted", () -> Db.count(dataSource,
                "SELECT COUNT(*) FROM module_events_outbox WHERE id IN (?, ?, ?)", locked, free, marker) == 0);
    }

    private List<String> publishedIds() {
        return sink.received().stream()
                .map(message -> message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getId())
                .toList();
    }

    private static void insertPendingRow(DataSource dataSource, UUID id, String subject) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            insertPendingRow(connection, id, subject, NOW);
        }
    }

    /**
     * @param due when the row is due for the relay, as SQL
     */
    private static void insertPendingRow(Connection connection, UUID id, String subject, String due)
            throws SQLException {
        try (var insert = connection.prepareStatement("INSERT INTO module_events_outbox (id, service, channel,"
                + " event_name, module, source, subject, payload, created_at, status, attempts, next_attempt_at)"
                + " VALUES (?, 'shop', 'order-out', 'order:order:placed', 'order', '/shop/order', ?, ?, CURRENT_TIMESTAMP,"
                + " 'PENDING', 0, " + due + ")")) {
            insert.setObject(1, id);
            insert.setString(2, subject);
            insert.setBytes(3, ("{\"id\":\"" + subject + "\",\"total\":1}").getBytes());
            insert.executeUpdate();
        }
    }
}
