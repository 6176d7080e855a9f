package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.ReceiverFailure;
import io.quarkiverse.moduleevents.outbox.OutboxAdmin;
import io.quarkiverse.moduleevents.outbox.OutboxEntry;
import io.quarkiverse.moduleevents.outbox.OutboxStatus;
import io.quarkiverse.moduleevents.outbox.OutboxWriteException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/**
 * An outgoing event is written to the outbox in the sender's transaction: it commits and rolls back with the sender's
 * work, and a failed write rolls that work back, also when the sender used {@code sendRobust}. With
 * {@code published-retention=keep}, an acknowledged row stays as {@code PUBLISHED} with the time of its
 * acknowledgement, counted and listed by {@link OutboxAdmin}.
 */
class OutboxWriteTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Db.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:outbox-write;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.module-events.outbox.published-retention", "keep")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop")
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-in-memory");

    @Inject
    OrderEvents orders;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxAdmin admin;

    @Inject
    @Any
    InMemoryConnector connector;

    @BeforeEach
    void createBusinessTable() {
        Db.execute(dataSource, "CREATE TABLE IF NOT EXISTS orders (id VARCHAR(4000) PRIMARY KEY)");
    }

    @Test
    void writesTheRowInTheSendersTransaction() {
        QuarkusTransaction.requiringNew().run(() -> {
            placeOrder("w-1");
            assertEquals(List.of("PENDING"), statusOf("w-1"), "written before the commit, in the transaction");
        });
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox WHERE subject = 'w-1'"));
        List<String> row = Db.strings(dataSource, "SELECT channel FROM module_events_outbox WHERE subject = 'w-1'"
                + " UNION ALL SELECT event_name FROM module_events_outbox WHERE subject = 'w-1'"
                + " UNION ALL SELECT module FROM module_events_outbox WHERE subject = 'w-1'"
                + " UNION ALL SELECT source FROM module_events_outbox WHERE subject = 'w-1'");
        assertEquals(List.of("order-out", "order:order:placed", "order", "/shop/order"), row);
    }

    @Test
    void writesNothingWhenTheTransactionRollsBack() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            placeOrder("w-2");
            throw new IllegalStateException("the business rule failed");
        }));
        assertEquals(List.of(), statusOf("w-2"));
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM orders WHERE id = 'w-2'"));
    }

    @Test
    void writesTheRowInATransactionOfItsOwnWithoutOne() {
        orders.send(OrderEvents.ORDER_PLACED, new Order("w-3", 30));
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox WHERE subject = 'w-3'"));
    }

    @Test
    void writesTheRowOfAnAsynchronousSendInATransactionOfItsOwn() {
        orders.sendAsync(OrderEvents.ORDER_PLACED, new Order("w-6", 60)).toCompletableFuture().join();
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox WHERE subject = 'w-6'"));
    }

    @Test
    void aFailedWriteRollsTheSendersTransactionBack() {
        String tooLong = "w-4-" + "x".repeat(2000);
        assertThrows(OutboxWriteException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            Db.execute(dataSource, "INSERT INTO orders (id) VALUES (?)", tooLong);
            orders.send(OrderEvents.ORDER_PLACED, new Order(tooLong, 40));
        }));
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM orders WHERE id = ?", tooLong));
    }

    @Test
    void aFailedWriteRollsTheTransactionBackAlsoWhenSendRobustCollectsIt() {
        String tooLong = "w-5-" + "x".repeat(2000);
        List<List<ReceiverFailure>> failures = new java.util.ArrayList<>();
        RuntimeException commit = assertThrows(RuntimeException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    Db.execute(dataSource, "INSERT INTO orders (id) VALUES (?)", tooLong);
                    failures.add(orders.sendRobust(OrderEvents.ORDER_PLACED, new Order(tooLong, 50)));
                }));
        assertEquals(1, failures.get(0).size());
        assertTrue(failures.get(0).get(0).error() instanceof OutboxWriteException, failures.toString());
        assertTrue(String.valueOf(commit.getMessage()).contains("rollback") || commit.getCause() != null,
                String.valueOf(commit));
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM orders WHERE id = ?", tooLong));
    }

    @Test
    void keepsThePublishedRowWithTheTimeOfItsAcknowledgement() {
        QuarkusTransaction.requiringNew().run(() -> orders.send(OrderEvents.ORDER_PLACED, new Order("kept", 1)));

        Db.await("its row is marked published", () -> admin.list(OutboxStatus.PUBLISHED, 1_000).stream()
                .anyMatch(row -> "kept".equals(row.subject())));
        OutboxEntry row = admin.list(OutboxStatus.PUBLISHED, 1_000).stream()
                .filter(published -> "kept".equals(published.subject())).findFirst().orElseThrow();
        assertEquals(0, row.attempts());
        assertNull(row.lastError());
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox WHERE id = ?"
                + " AND published_at >= created_at", row.id()), "acknowledged after it was written");
        assertTrue(connector.<byte[]> sink("order-out").received().stream()
                .anyMatch(message -> new String(message.getPayload()).contains("\"kept\"")), "sent to the broker");
        assertEquals(Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox WHERE status = 'PUBLISHED'"),
                admin.counts().published(), "counted");
    }

    @Test
    void refusesALimitThatIsNotPositive() {
        for (int limit : new int[] { 0, -1 }) {
            IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                    () -> admin.list(OutboxStatus.PENDING, limit));
            assertEquals("The limit must be positive, was " + limit, refused.getMessage());
        }
    }

    private void placeOrder(String id) {
        Db.execute(dataSource, "INSERT INTO orders (id) VALUES (?)", id);
        orders.send(OrderEvents.ORDER_PLACED, new Order(id, 10));
    }

    private List<String> statusOf(String subject) {
        return Db.strings(dataSource, "SELECT status FROM module_events_outbox WHERE subject = ?", subject);
    }
}
