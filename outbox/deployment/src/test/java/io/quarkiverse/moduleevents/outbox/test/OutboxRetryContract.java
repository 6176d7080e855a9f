package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.outbox.OutboxAdmin;
import io.quarkiverse.moduleevents.outbox.OutboxCounts;
import io.quarkiverse.moduleevents.outbox.OutboxEntry;
import io.quarkiverse.moduleevents.outbox.OutboxStatus;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;

/**
 * A send the broker rejects is retried with backoff, its error kept, until the row is {@code DEAD}; {@link OutboxAdmin}
 * lists, counts and resubmits it. The "broker" is the application's own consumer of the outgoing channel, which
 * rejects messages until it is told to take them. Each subclass runs it on one database.
 */
abstract class OutboxRetryContract {

    /**
     * The configuration every subclass adds to its database's: three attempts, and a backoff long enough that the
     * state between two attempts can be read on a loaded machine (at least 1 s).
     */
    static QuarkusUnitTest retryingApplication(Class<?>... databaseClasses) {
        return new QuarkusUnitTest()
                .withApplicationRoot(root -> root.addClasses(OutboxRetryContract.class, OrderEvents.class, Order.class,
                        Db.class, Broker.class).addClasses(databaseClasses))
                .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "50ms")
                .overrideConfigKey("quarkus.module-events.outbox.relay.max-attempts", "3")
                .overrideConfigKey("quarkus.module-events.outbox.relay.initial-backoff", "2s")
                .overrideConfigKey("quarkus.module-events.outbox.relay.max-backoff", "2s")
                .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
                .overrideConfigKey("quarkus.module-events.messaging.source", "shop");
    }

    @Inject
    OrderEvents orders;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxAdmin admin;

    @Inject
    Broker broker;

    @BeforeEach
    void rejectEverything() {
        Db.execute(dataSource, "DELETE FROM module_events_outbox");
        broker.accepting = false;
        broker.poisonTotal = 0;
        broker.rejected.clear();
    }

    @Test
    void retriesWithBackoffUntilDeadThenResubmits() {
        Instant sent = Instant.now();
        orders.send(OrderEvents.ORDER_PLACED, new Order("poison", 1));

        Db.await("the first attempt failed", () -> attempts() == 1);
        OutboxEntry failing = admin.list(OutboxStatus.PENDING, 10).get(0);
        assertEquals(1, failing.attempts(), "read within the backoff: " + failing);
        assertTrue(failing.lastError().contains("the broker refuses it"), failing.lastError());
        assertTrue(failing.nextAttemptAt().isAfter(sent.plusMillis(999)), "waits at least half of 2s: " + failing);
        assertEquals(new OutboxCounts(1, 1, 0, 0), admin.counts());

        Db.await("the row is dead", () -> admin.counts().dead() == 1);
        OutboxEntry dead = admin.list(OutboxStatus.DEAD, 10).get(0);
        assertEquals(3, dead.attempts());
        assertEquals("poison", dead.subject());
        assertTrue(Duration.between(sent, Instant.now()).toMillis() >= 1_000 + 1_000, "two backoffs of jitter at"
                + " most half");
        assertEquals(3, broker.rejected.size());
        assertEquals(List.of(), admin.list(OutboxStatus.PENDING, 10));

        broker.accepting = true;
        assertFalse(admin.resubmit(UUID.randomUUID()), "no such dead row");
        assertTrue(admin.resubmit(dead.id()));
        Db.await("the resubmitted row is published", () -> broker.accepted.contains(dead.id().toString()));
        Db.await("and deleted", () -> admin.counts().equals(new OutboxCounts(0, 0, 0, 0)));
    }

    @Test
    void resubmitsEveryDeadRow() {
        for (int i = 1; i <= 5; i++) {
            Db.execute(dataSource, "INSERT INTO module_events_outbox (id, service, channel, event_name, module, source,"
                    + " subject, payload, created_at, status, attempts, next_attempt_at, last_error) VALUES (?, 'shop',"
                    + " 'order-out', 'order:order:placed', 'order', '/shop/order', ?, ?, CURRENT_TIMESTAMP, 'DEAD', 3,"
                    + " CURRENT_TIMESTAMP, 'refused')", UUID.randomUUID(), "dead-" + i,
                    ("{\"id\":\"dead-" + i + "\",\"total\":" + i + "}").getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(5, admin.list(OutboxStatus.DEAD, 10).size());
        assertEquals(2, admin.list(OutboxStatus.DEAD, 2).size());
        broker.accepting = true;

        assertEquals(5, admin.resubmitDead());
        Db.await("every resubmitted row is published", () -> admin.counts().equals(new OutboxCounts(0, 0, 0, 0)));
    }

    @Test
    void aFailingRowHoldsBackTheLaterRowsOfItsSubjectOnly() {
        broker.accepting = true;
        broker.poisonTotal = -1;
        orders.send(OrderEvents.ORDER_PLACED, new Order("held", -1));
        orders.send(OrderEvents.ORDER_PLACED, new Order("held", 2));
        orders.send(OrderEvents.ORDER_PLACED, new Order("free", 3));

        Db.await("the other subject's row is published", () -> broker.acceptedPayloads.contains(
                "{\"id\":\"free\",\"total\":3}"));
        assertFalse(broker.acceptedPayloads.contains("{\"id\":\"held\",\"total\":2}"),
                "held back while the earlier row of its subject is retried");
        Db.await("the failing row is dead", () -> admin.counts().dead() == 1);
        Db.await("the held row is published once its predecessor is dead",
                () -> broker.acceptedPayloads.contains("{\"id\":\"held\",\"total\":2}"));
        assertEquals(3, broker.rejected.size());
        assertEquals(1, admin.resubmitDead());
        broker.poisonTotal = 0;
        Db.await("the resubmitted row is published", () -> admin.counts().equals(new OutboxCounts(0, 0, 0, 0)));
    }

    private long attempts() {
        return Db.count(dataSource, "SELECT COALESCE(MAX(attempts), 0) FROM module_events_outbox");
    }

    @Singleton
    public static class Broker {

        volatile boolean accepting;
        /** a total that is rejected even while accepting; 0 for none */
        volatile int poisonTotal;
        final List<String> rejected = new CopyOnWriteArrayList<>();
        final List<String> accepted = new CopyOnWriteArrayList<>();
        final List<String> acceptedPayloads = new CopyOnWriteArrayList<>();

        @Incoming("order-out")
        CompletionStage<Void> receive(Message<byte[]> message) {
            String id = message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getId();
            String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            if (accepting && (poisonTotal == 0 || !payload.contains("\"total\":" + poisonTotal + "}"))) {
                accepted.add(id);
                acceptedPayloads.add(payload);
                return message.ack();
            }
            rejected.add(id);
            return message.nack(new IllegalStateException("the broker refuses it"));
        }
    }
}
