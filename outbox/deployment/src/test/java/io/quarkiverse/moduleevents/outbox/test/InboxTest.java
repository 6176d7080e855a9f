package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import io.quarkiverse.moduleevents.outbox.runtime.InboxCleanup;
import io.quarkiverse.moduleevents.testsupport.LogCapture;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;

/**
 * With the inbox, an incoming event's receivers run in a transaction that records its (source, id): their database
 * effects happen once even when the broker delivers the event again, and a receiver's failure rolls the record back
 * with their work, so a redelivery processes the event. Records older than {@code inbox.retention} are deleted, in
 * batches: a redelivery within the retention is still dropped, one after it runs the receivers again.
 */
class InboxTest {

    private static final String SOURCE = "/shop/order";
    private static final Pattern CLEANUP_LOG = Pattern.compile("Inbox cleanup: (\\d+) rows .*");

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Db.class,
                    IncomingDeliveries.class, Receivers.class))
            .overrideConfigKey("quarkus.application.name", "shipping")
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:outbox-inbox;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.module-events.messaging.incoming.order-in.events", "order:order:placed")
            // the bridge's in-memory duplicate window would drop the redeliveries before the inbox sees them
            .overrideConfigKey("quarkus.module-events.messaging.incoming-duplicates.window", "0S")
            .overrideConfigKey("mp.messaging.incoming.order-in.connector", "smallrye-in-memory")
            .overrideConfigKey("quarkus.module-events.outbox.inbox.retention", "2D")
            .overrideConfigKey("quarkus.module-events.outbox.inbox.cleanup-interval", "100ms")
            .overrideConfigKey("quarkus.log.category.\"" + InboxCleanup.class.getName() + "\".level", "DEBUG");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Receivers receivers;

    InMemorySource<Object> source;

    @BeforeEach
    void setUp() {
        source = connector.source("order-in");
        Db.execute(dataSource, "CREATE TABLE IF NOT EXISTS shipments (order_id VARCHAR(255))");
    }

    @Test
    void dropsADuplicateSoThatTheReceiversWriteOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        assertNull(deliver(id, "{\"id\":\"i-1\",\"total\":1}"), "acknowledged");
        assertNull(deliver(id, "{\"id\":\"i-1\",\"total\":1}"), "the duplicate is acknowledged too");

        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM shipments WHERE order_id = 'i-1'"));
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM module_events_inbox WHERE source = ? AND id = ?",
                SOURCE, id));
    }

    @Test
    void aReceiverFailureRollsTheInboxRowBackAndARedeliveryProcessesIt() throws Exception {
        String id = UUID.randomUUID().toString();
        receivers.failures.set(1);

        Throwable rejected = deliver(id, "{\"id\":\"i-2\",\"total\":2}");

        assertNotNull(rejected, "rejected");
        assertTrue(rejected.getMessage().contains("the warehouse is closed"), rejected.getMessage());
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM module_events_inbox WHERE id = ?", id));
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM shipments WHERE order_id = 'i-2'"),
                "the receiver's write rolled back");

        assertNull(deliver(id, "{\"id\":\"i-2\",\"total\":2}"), "the redelivery is processed");
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM shipments WHERE order_id = 'i-2'"));
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM module_events_inbox WHERE id = ?", id));
    }

    @Test
    void deletesTheRecordsOlderThanTheRetentionAndKeepsTheNewerOnes() {
        String source = "/cleanup/" + UUID.randomUUID();
        try (LogCapture log = LogCapture.of(InboxCleanup.class)) {
            insertRecords(source, "new-", 10, Duration.ofDays(1));
            // more than two batches, committed together, so that one cleanup deletes them all
            insertRecords(source, "old-", 2_500, Duration.ofDays(3));

            Db.await("the old records are deleted", () -> records(source, "old-%") == 0);
            assertEquals(10, records(source, "new-%"), "the records within the retention are kept");
            // the next cleanup starts once the one that deleted them has logged how many
            awaitACleanup();
            assertTrue(log.messages().stream().map(CLEANUP_LOG::matcher).filter(Matcher::matches)
                    .anyMatch(cleanup -> Integer.parseInt(cleanup.group(1)) >= 2_500),
                    () -> "no cleanup deleted the whole backlog: " + log.messages());
        }
    }

    @Test
    void aDuplicateWithinTheRetentionIsStillDropped() throws Exception {
        String id = UUID.randomUUID().toString();
        assertNull(deliver(id, order(id)), "acknowledged");
        receivedAgo(id, Duration.ofDays(1));
        awaitACleanup();

        assertNull(deliver(id, order(id)), "the duplicate is acknowledged");
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM shipments WHERE order_id = ?", id));
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM module_events_inbox WHERE id = ?", id));
    }

    @Test
    void aRedeliveryAfterItsRecordWasDeletedRunsTheReceiversAgain() throws Exception {
        String id = UUID.randomUUID().toString();
        assertNull(deliver(id, order(id)), "acknowledged");
        receivedAgo(id, Duration.ofDays(3));
        Db.await("its record is deleted",
                () -> Db.count(dataSource, "SELECT COUNT(*) FROM module_events_inbox WHERE id = ?", id) == 0);

        assertNull(deliver(id, order(id)), "the redelivery is acknowledged");
        assertEquals(2, Db.count(dataSource, "SELECT COUNT(*) FROM shipments WHERE order_id = ?", id),
                "not recognized as a duplicate any more");
    }

    private static String order(String id) {
        return "{\"id\":\"" + id + "\",\"total\":1}";
    }

    private void insertRecords(String source, String idPrefix, int count, Duration age) {
        Db.execute(dataSource, "INSERT INTO module_events_inbox (service, source, id, received_at)"
                + " SELECT 'shipping', ?, CONCAT(?, X), ? FROM SYSTEM_RANGE(1, ?)", source, idPrefix, ago(age), count);
    }

    private void receivedAgo(String id, Duration age) {
        Db.execute(dataSource, "UPDATE module_events_inbox SET received_at = ? WHERE id = ?", ago(age), id);
    }

    /**
     * Waits until a cleanup that started after this call has run, by waiting for an expired record to go.
     */
    private void awaitACleanup() {
        String source = "/cleanup/" + UUID.randomUUID();
        insertRecords(source, "expired-", 1, Duration.ofDays(3));
        Db.await("a cleanup runs", () -> records(source, "expired-%") == 0);
    }

    private long records(String source, String idPattern) {
        return Db.count(dataSource, "SELECT COUNT(*) FROM module_events_inbox WHERE source = ? AND id LIKE ?",
                source, idPattern);
    }

    private static OffsetDateTime ago(Duration age) {
        return OffsetDateTime.now(ZoneOffset.UTC).minus(age);
    }

    private Throwable deliver(String id, String json) throws Exception {
        return IncomingDeliveries.deliver(source, SOURCE, id, json);
    }

    @Singleton
    public static class Receivers {

        final AtomicInteger failures = new AtomicInteger();

        @Inject
        AgroalDataSource dataSource;

        void ship(@Observes @Remote @Named(OrderEvents.ORDER_PLACED) Order order) {
            Db.execute(dataSource, "INSERT INTO shipments (order_id) VALUES (?)", order.id());
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("the warehouse is closed");
            }
        }
    }
}
