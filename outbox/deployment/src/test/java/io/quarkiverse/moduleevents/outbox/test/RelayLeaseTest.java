package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.outbox.OutboxAdmin;
import io.quarkiverse.moduleevents.outbox.OutboxStatus;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;

/**
 * The relay holds no transaction while it waits for the broker: on PostgreSQL with
 * {@code idle_in_transaction_session_timeout} at one second, against a broker that takes 1.5 seconds to answer, each
 * row is sent once and then published, and a refused send counts its attempt. A send acknowledged only after
 * {@code relay.send-timeout} counts an attempt and is sent again with the same id. Its claim is a lease: rows leased by
 * another relay are left alone, the later rows of their subjects held back, until the lease ends, when a relay that
 * died has its rows claimed again. The "broker" is the application's own consumer of the outgoing channel.
 */
class RelayLeaseTest {

    private static final String URL = SharedPostgres.url("relay_lease");

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Db.class, SlowBroker.class,
                    SharedPostgres.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            // every session of the application, the relay's among them, ends when idle in a transaction for 1 s
            .overrideConfigKey("quarkus.datasource.jdbc.url",
                    URL + "?options=-c%20idle_in_transaction_session_timeout=1000")
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.password", "postgres")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
            .overrideConfigKey("quarkus.module-events.outbox.relay.max-attempts", "3")
            .overrideConfigKey("quarkus.module-events.outbox.relay.initial-backoff", "200ms")
            .overrideConfigKey("quarkus.module-events.outbox.relay.max-backoff", "400ms")
            // longer than the slow broker's 1.5 seconds, shorter than a send it answers late
            .overrideConfigKey("quarkus.module-events.outbox.relay.send-timeout", "4s")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop");

    @Inject
    OrderEvents orders;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxAdmin admin;

    @Inject
    SlowBroker broker;

    @BeforeEach
    void setUp() {
        broker.latency = Duration.ZERO;
        broker.accepted.clear();
        broker.rejected.clear();
        broker.received.clear();
        Db.execute(dataSource, "DELETE FROM module_events_outbox");
    }

    @Test
    void theSessionsEndWhenIdleInATransactionForOneSecond() {
        assertEquals(List.of("1s"), Db.strings(dataSource, "SHOW idle_in_transaction_session_timeout"));
    }

    @Test
    void eachRowIsSentOnceAndPublishedThoughTheBrokerAnswersAfterTheIdleTimeout() {
        broker.latency = SlowBroker.SLOW;
        orders.send(OrderEvents.ORDER_PLACED, new Order("slow-1", 1));

        Db.await("the row is published and deleted", () -> broker.accepted.size() == 1
                && Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox") == 0);
        // the broker takes one message at a time: a second send of slow-1 would be accepted before the marker
        broker.latency = Duration.ZERO;
        orders.send(OrderEvents.ORDER_PLACED, new Order("slow-marker", 1));
        Db.await("the marker sent after it is published", () -> broker.acceptedSubjects().contains("slow-marker"));
        assertEquals(List.of("slow-1", "slow-marker"), broker.acceptedSubjects(), "each row sent once");
        assertEquals(List.of(), broker.rejected);
    }

    @Test
    void aRefusedSendCountsItsAttemptThoughTheBrokerAnswersAfterTheIdleTimeout() {
        broker.latency = SlowBroker.SLOW;
        orders.send(OrderEvents.ORDER_PLACED, new Order("refused", SlowBroker.REFUSED_TOTAL));

        Db.await("the first attempt is counted", () -> attempts("refused") == 1);
        Db.await("the second attempt is counted", () -> attempts("refused") == 2);
        Db.await("the row is DEAD after its third attempt", () -> admin.counts().dead() == 1);
        assertEquals(3, admin.list(OutboxStatus.DEAD, 10).get(0).attempts());
        assertEquals(3, broker.rejected.size(), "one send per attempt");
        assertEquals(1, broker.rejected.stream().distinct().count());
    }

    @Test
    void aSendAcknowledgedAfterTheTimeOutCountsAnAttemptAndIsSentAgainWithTheSameId() {
        broker.lateFirstSends.add("late-ack");
        orders.send(OrderEvents.ORDER_PLACED, new Order("late-ack", 1));

        Db.await("the time-out is counted as an attempt", () -> attempts("late-ack") == 1);
        assertTrue(Db.strings(dataSource, "SELECT last_error FROM module_events_outbox WHERE subject = 'late-ack'")
                .get(0).contains("did not acknowledge it within PT4S"));
        Db.await("the row is sent again, published and deleted", () -> broker.acceptedSubjects().contains(
                "late-ack") && Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox") == 0);
        List<String> ids = broker.received.get("late-ack");
        assertEquals(2, ids.size(), "sent twice: " + ids);
        assertEquals(List.of("late-ack", "late-ack"), broker.acceptedSubjects(), "both acknowledged, the first"
                + " after the time-out");
        assertEquals(ids.get(0), ids.get(1), "with the same CloudEvents id, so that a receiver drops the duplicate");
    }

    @Test
    void rowsLeasedByARelayThatDiedAreClaimedAgainWhenTheLeaseEnds() {
        // a relay that claimed two rows of one subject, then died: its lease ends in four seconds
        insertRow("leased", "taken-1", "'dead-relay'", "now() + interval '4 seconds'");
        insertRow("leased", "taken-2", "'dead-relay'", "now() + interval '4 seconds'");
        // a later row of that subject, and a row of another subject, not leased
        insertRow("leased", "held", "NULL", "NULL");
        insertRow("free", "free", "NULL", "NULL");

        Db.await("the row of the other subject is published and deleted", () -> broker.acceptedSubjects()
                .contains("free") && Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox") == 3);
        assertEquals(List.of("free"), broker.acceptedSubjects(), "leased rows, and the later rows of their subject,"
                + " wait for the end of the lease");
        assertEquals(List.of("dead-relay", "dead-relay", ""), Db.strings(dataSource, "SELECT COALESCE(lease_owner,"
                + " '') FROM module_events_outbox ORDER BY seq"));

        Db.await("the rows of the dead relay are published once its lease ended",
                () -> broker.acceptedSubjects().size() == 4);
        assertEquals(List.of("free", "taken-1", "taken-2", "held"), broker.acceptedPayloadIds(),
                "in the order of their subject");
        Db.await("and deleted", () -> Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox") == 0);
    }

    private void insertRow(String subject, String payloadId, String leaseOwner, String leaseUntil) {
        Db.execute(dataSource, "INSERT INTO module_events_outbox (id, service, channel, event_name, module, source,"
                + " subject, payload, created_at, status, attempts, next_attempt_at, lease_owner, lease_until) VALUES"
                + " (gen_random_uuid(), 'shop', 'order-out', 'order:order:placed', 'order', '/shop/order', ?, ?, now(),"
                + " 'PENDING', 0, now(), " + leaseOwner + ", " + leaseUntil + ")", subject,
                ("{\"id\":\"" + payloadId + "\",\"total\":1}").getBytes(StandardCharsets.UTF_8));
    }

    private long attempts(String subject) {
        return Db.count(dataSource, "SELECT COALESCE(MAX(attempts), 0) FROM module_events_outbox WHERE subject = ?",
                subject);
    }

    /**
     * Answers each message after {@code latency}: refuses an order of {@link #REFUSED_TOTAL}, acknowledges the others.
     */
    @Singleton
    public static class SlowBroker {

        static final int REFUSED_TOTAL = -1;
        /** longer than {@code idle_in_transaction_session_timeout}, shorter than the relay's send time-out */
        static final Duration SLOW = Duration.ofMillis(1500);
        static final Duration LATE = Duration.ofMillis(5500);

        volatile Duration latency = Duration.ZERO;
        /** the accepted messages' subjects and payloads */
        final List<String[]> accepted = new CopyOnWriteArrayList<>();
        /** the refused messages' ids */
        final List<String> rejected = new CopyOnWriteArrayList<>();
        /**
         * the subjects whose first message is answered after {@link #LATE}, past the relay's send time-out, as by a
         * broker whose acknowledgement is delayed (the channel's consumer takes one message at a time, so one never
         * answered would stop every later one)
         */
        final Set<String> lateFirstSends = ConcurrentHashMap.newKeySet();
        /** the ids of every message received, by subject */
        final Map<String, List<String>> received = new ConcurrentHashMap<>();

        @Incoming("order-out")
        CompletionStage<Void> receive(Message<byte[]> message) {
            OutgoingCloudEventMetadata<?> cloudEvent = message.getMetadata(OutgoingCloudEventMetadata.class)
                    .orElseThrow();
            String payload = new String(message.getPayload(), StandardCharsets.UTF_8);
            String subject = cloudEvent.getSubject().orElse("");
            received.computeIfAbsent(subject, ignored -> new CopyOnWriteArrayList<>()).add(cloudEvent.getId());
            long delay = lateFirstSends.remove(subject) ? LATE.toMillis() : latency.toMillis();
            return CompletableFuture.runAsync(() -> {
            }, CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)).thenCompose(ignored -> {
                if (payload.contains("\"total\":" + REFUSED_TOTAL + "}")) {
                    rejected.add(cloudEvent.getId());
                    return message.nack(new IllegalStateException("the broker refuses it"));
                }
                accepted.add(new String[] { cloudEvent.getSubject().orElse(null), payload });
                return message.ack();
            });
        }

        List<String> acceptedSubjects() {
            return accepted.stream().map(message -> message[0]).toList();
        }

        /** the {@code id} of each accepted order */
        List<String> acceptedPayloadIds() {
            return accepted.stream().map(message -> message[1].replaceAll(".*\"id\":\"([^\"]*)\".*", "$1")).toList();
        }
    }
}
