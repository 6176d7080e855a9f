package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.messaging.BridgeCounters;
import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;

/**
 * Temporary failures of the inbox's transaction on PostgreSQL, for real: the consumer's database stopped while events
 * arrive and started again seconds later, an inbox row locked by another transaction past {@code lock_timeout}, and
 * a commit that fails because the server ended the connection after the receiver's work (as when it shuts down).
 * The events are tried again and stay unacknowledged meanwhile instead of being rejected (dead-lettered); once the
 * failure is over each is processed exactly once.
 */
class InboxTemporaryFailureTest {

    private static final String SOURCE = "/shop/order";
    /** the inbox's scope: this application's name */
    private static final String SERVICE = "shipping";
    private static final String INBOX_LOGGER = "io.quarkiverse.moduleevents.outbox.runtime.OutboxInbox";
    private static final int EVENTS = 5;

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Db.class,
                    IncomingDeliveries.class, Receivers.class, StoppablePostgres.class))
            .overrideConfigKey("quarkus.application.name", SERVICE)
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", StoppablePostgres.url())
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.password", "postgres")
            // a stopped database fails a transaction within a second
            .overrideConfigKey("quarkus.datasource.jdbc.acquisition-timeout", "1S")
            .overrideConfigKey("quarkus.datasource.jdbc.new-connection-sql", "SET lock_timeout = '300ms'")
            .overrideConfigKey("quarkus.module-events.messaging.incoming.order-in.events", "order:order:placed")
            .overrideConfigKey("mp.messaging.incoming.order-in.connector", "smallrye-in-memory");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    BridgeCounters counters;

    InMemorySource<Object> channel;
    RetryWarnings failures;
    ExecutorService broker;

    @BeforeEach
    void setUp() {
        channel = connector.source("order-in");
        failures = new RetryWarnings();
        broker = Executors.newSingleThreadExecutor();
        Db.execute(dataSource, "CREATE TABLE IF NOT EXISTS shipments (order_id VARCHAR(255))");
        Logger.getLogger(INBOX_LOGGER).addHandler(failures);
    }

    @AfterEach
    void tearDown() {
        Logger.getLogger(INBOX_LOGGER).removeHandler(failures);
        broker.shutdownNow();
    }

    @Test
    void eventsReadWhileTheDatabaseIsDownAreTriedAgainAndProcessedOnceItIsBack() throws Exception {
        assertNull(IncomingDeliveries.deliver(channel, SOURCE, "before", order("before")), "acknowledged");
        try {
            StoppablePostgres.stop();
            List<CompletableFuture<Throwable>> outcomes = new ArrayList<>();
            for (int i = 1; i <= EVENTS; i++) {
                String id = "during-" + i;
                outcomes.add(CompletableFuture.supplyAsync(() -> deliver(channel, id), broker));
            }
            Db.await("the inbox tried again several times", () -> failures.count.get() >= 3);
            assertTrue(outcomes.stream().noneMatch(CompletableFuture::isDone),
                    "no event is acknowledged or rejected while the database is down");

            StoppablePostgres.start();
            for (CompletableFuture<Throwable> outcome : outcomes) {
                assertNull(outcome.get(60, TimeUnit.SECONDS), "acknowledged once the database is back");
            }
        } finally {
            StoppablePostgres.start();
        }

        assertEquals(EVENTS + 1, Db.count(dataSource,
                "SELECT COUNT(*) FROM shipments WHERE order_id = 'before' OR order_id LIKE 'during-%'"),
                "each processed once");
        assertEquals(EVENTS + 1, Db.count(dataSource, "SELECT COUNT(DISTINCT order_id) FROM shipments WHERE"
                + " order_id = 'before' OR order_id LIKE 'during-%'"));
        assertEquals(0, counters.rejected("order-in"), "nothing rejected, so nothing dead-lettered");
        assertNull(IncomingDeliveries.deliver(channel, SOURCE, "during-1", order("during-1")),
                "a redelivery is acknowledged");
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM shipments WHERE order_id = 'during-1'"),
                "and dropped by the inbox");
    }

    @Test
    void anEventWhoseInboxRowIsLockedPastTheLockTimeoutIsTriedAgainUntilTheLockIsGone() throws Exception {
        CompletableFuture<Throwable> outcome;
        try (Connection other = DriverManager.getConnection(StoppablePostgres.url(), "postgres", "postgres");
                PreparedStatement insert = other.prepareStatement(
                        "INSERT INTO module_events_inbox (service, source, id, received_at)"
                                + " VALUES (?, ?, 'locked', now())")) {
            // the same (service, source, id), not committed: the inbox's insert waits for this transaction's outcome
            other.setAutoCommit(false);
            insert.setString(1, SERVICE);
            insert.setString(2, SOURCE);
            insert.executeUpdate();

            outcome = CompletableFuture.supplyAsync(() -> deliver(channel, "locked"), broker);
            Db.await("the inbox's insert timed out on the lock and was tried again", () -> failures.count.get() >= 2);
            assertFalse(outcome.isDone(), "neither acknowledged nor rejected while the row is locked");
            other.rollback();
        }

        assertNull(outcome.get(30, TimeUnit.SECONDS), "acknowledged once the lock is gone");
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM shipments WHERE order_id = 'locked'"));
        assertEquals(0, counters.rejected("order-in"), "nothing rejected, so nothing dead-lettered");
    }

    @Test
    void anEventWhoseCommitFailsBecauseTheServerEndedTheConnectionIsTriedAgain() throws Exception {
        // the transaction manager reports that failure as a RollbackException that carries the database's failure
        // among its suppressed exceptions, not as its cause
        Receivers.endConnectionBeforeCommitOf.set("commit-fails");

        assertNull(deliver(channel, "commit-fails"), "acknowledged");

        assertNull(Receivers.endConnectionBeforeCommitOf.get(), "the connection was ended once");
        assertTrue(failures.count.get() >= 1, "the failed commit was taken for a temporary failure");
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM shipments WHERE order_id = 'commit-fails'"),
                "processed once: the first attempt's work rolled back with its commit");
        assertEquals(0, counters.rejected("order-in"), "nothing rejected, so nothing dead-lettered");
    }

    private static Throwable deliver(InMemorySource<Object> channel, String id) {
        try {
            return IncomingDeliveries.deliver(channel, SOURCE, id, order(id), Duration.ofSeconds(120));
        } catch (Exception e) {
            return e;
        }
    }

    private static String order(String id) {
        return "{\"id\":\"" + id + "\",\"total\":1}";
    }

    /** Counts the inbox's warnings that it met a temporary failure and tries again. */
    static final class RetryWarnings extends Handler {

        final AtomicInteger count = new AtomicInteger();

        @Override
        public void publish(LogRecord record) {
            if (String.valueOf(record.getMessage()).contains("temporary failure")) {
                count.incrementAndGet();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }

    @Singleton
    public static class Receivers {

        /** the order whose transaction's connection the server ends after the receiver's insert, once */
        static final AtomicReference<String> endConnectionBeforeCommitOf = new AtomicReference<>();

        @Inject
        AgroalDataSource dataSource;

        void ship(@Observes @Remote @Named(OrderEvents.ORDER_PLACED) Order order) {
            Db.execute(dataSource, "INSERT INTO shipments (order_id) VALUES (?)", order.id());
            String ended = endConnectionBeforeCommitOf.get();
            if (order.id().equals(ended) && endConnectionBeforeCommitOf.compareAndSet(ended, null)) {
                Db.endConnection(dataSource, StoppablePostgres.url());
            }
        }
    }
}
