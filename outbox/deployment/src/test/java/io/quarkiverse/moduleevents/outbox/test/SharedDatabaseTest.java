package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.outbox.OutboxAdmin;
import io.quarkiverse.moduleevents.outbox.OutboxCounts;
import io.quarkiverse.moduleevents.outbox.OutboxStatus;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;

/**
 * Two services on one PostgreSQL database, as during the move of a module out of a monolith: this application,
 * {@code billing}, and {@code shop}, whose rows are written here with plain SQL as its outbox and inbox write them.
 * Each service's relay claims only its own rows, and only those of the channels and events it routes, so rows of an
 * event that only a newer version routes wait for it instead of becoming {@code DEAD}; each service deduplicates
 * incoming events in its own scope; {@link OutboxAdmin} sees only its own service's rows.
 */
class SharedDatabaseTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Db.class,
                    IncomingDeliveries.class, PostgresOutboxTest.Receivers.class, SharedPostgres.class))
            .overrideConfigKey("quarkus.application.name", "billing")
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", SharedPostgres.url("shared_services"))
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.password", "postgres")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
            // a row it tried would be DEAD at once
            .overrideConfigKey("quarkus.module-events.outbox.relay.max-attempts", "1")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.incoming.order-in.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.incoming-duplicates.window", "0S")
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-in-memory")
            .overrideConfigKey("mp.messaging.incoming.order-in.connector", "smallrye-in-memory");

    @Inject
    OrderEvents orders;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxAdmin admin;

    @Inject
    @Any
    InMemoryConnector connector;

    InMemorySink<byte[]> sink;

    @BeforeEach
    void setUp() {
        sink = connector.sink("order-out");
        sink.clear();
        Db.execute(dataSource, "DELETE FROM module_events_outbox");
        Db.execute(dataSource, "CREATE TABLE IF NOT EXISTS shipments (order_id VARCHAR(255))");
    }

    @Test
    void leavesTheRowsOfAnotherServiceToIt() {
        insertRow("shop", "order-out", OrderEvents.ORDER_PLACED, "PENDING", "shop-1");
        insertRow("shop", "order-out", OrderEvents.ORDER_PLACED, "DEAD", "shop-dead");
        assertEquals(new OutboxCounts(0, 0, 0, 0), admin.counts(), "billing has no rows");
        assertEquals(List.of(), admin.list(OutboxStatus.DEAD, 10));
        assertEquals(0, admin.resubmitDead());

        publishAMarker("billing-1");
        assertEquals(List.of("billing-1"), publishedSubjects());
        assertEquals(List.of("shop-1 PENDING 0 -", "shop-dead DEAD 0 -"), rows("shop"), "untouched");
    }

    @Test
    void leavesTheRowsOfEventsItDoesNotRouteToAnInstanceThatDoes() {
        // written by a newer version of billing, which routes one more event and one more channel
        insertRow("billing", "order-out", "order:order:cancelled", "PENDING", "rolling-1");
        insertRow("billing", "invoice-out", OrderEvents.ORDER_PLACED, "PENDING", "rolling-2");
        // an event this version routes, of a subject whose earlier event only the newer version routes
        insertRow("billing", "order-out", OrderEvents.ORDER_PLACED, "PENDING", "rolling-1");

        publishAMarker("billing-2");
        assertEquals(List.of("billing-2"), publishedSubjects(), "the routed event waits behind its subject's earlier"
                + " event");
        assertEquals(List.of("rolling-1 PENDING 0 -", "rolling-2 PENDING 0 -", "rolling-1 PENDING 0 -"),
                rows("billing"), "neither tried nor leased");
        assertEquals(new OutboxCounts(3, 0, 0, 0), admin.counts());
    }

    @Test
    void deduplicatesIncomingEventsInItsOwnScope() throws Exception {
        InMemorySource<Object> source = connector.source("order-in");
        String id = UUID.randomUUID().toString();
        // shop received the same event, from a third service, before
        Db.execute(dataSource, "INSERT INTO module_events_inbox (service, source, id, received_at) VALUES ('shop',"
                + " '/warehouse/order', ?, now())", id);

        assertNull(deliver(source, id), "acknowledged");
        assertEquals(1, shipments(id), "not a duplicate for billing");
        assertNull(deliver(source, id), "the duplicate is acknowledged");
        assertEquals(1, shipments(id), "a duplicate for billing");
        assertEquals(List.of("billing", "shop"), Db.strings(dataSource,
                "SELECT service FROM module_events_inbox WHERE id = ? ORDER BY service", id));
    }

    private void publishAMarker(String subject) {
        orders.send(OrderEvents.ORDER_PLACED, new Order(subject, 1));
        // the rows written before were claimed, if at all, in the marker's batch or an earlier one
        Db.await("the marker is published and its row deleted", () -> publishedSubjects().contains(subject)
                && Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox WHERE subject = ?", subject) == 0);
    }

    private void insertRow(String service, String channel, String eventName, String status, String subject) {
        Db.execute(dataSource, "INSERT INTO module_events_outbox (id, service, channel, event_name, module, source,"
                + " subject, payload, created_at, status, attempts, next_attempt_at) VALUES (gen_random_uuid(), ?, ?,"
                + " ?, 'order', ?, ?, ?, now(), ?, 0, now())", service, channel, eventName, "/" + service + "/order",
                subject, ("{\"id\":\"" + subject + "\",\"total\":1}").getBytes(StandardCharsets.UTF_8), status);
    }

    /** each row of a service: subject, status, attempts and lease owner ({@code -} for none), in order of writing */
    private List<String> rows(String service) {
        return Db.strings(dataSource, "SELECT subject || ' ' || status || ' ' || attempts || ' ' ||"
                + " COALESCE(lease_owner, '-') FROM module_events_outbox WHERE service = ? ORDER BY seq", service);
    }

    private List<String> publishedSubjects() {
        return sink.received().stream().map(SharedDatabaseTest::subject).toList();
    }

    private static String subject(Message<byte[]> message) {
        OutgoingCloudEventMetadata<?> cloudEvent = message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        return cloudEvent.getSubject().orElseThrow();
    }

    private long shipments(String orderId) {
        return Db.count(dataSource, "SELECT COUNT(*) FROM shipments WHERE order_id = ?", orderId);
    }

    private static Throwable deliver(InMemorySource<Object> source, String id) throws Exception {
        return IncomingDeliveries.deliver(source, "/warehouse/order", id, "{\"id\":\"" + id + "\",\"total\":1}");
    }
}
