package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.outbox.OutboxAdmin;
import io.quarkiverse.moduleevents.outbox.OutboxEntry;
import io.quarkiverse.moduleevents.outbox.OutboxStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Durable receivers: not called while the event is sent; one record per receiver written in the sender's transaction
 * (nothing when it rolls back); after the commit each receiver is called in a transaction that also deletes its
 * record, retried with backoff when it throws, {@code DEAD} after {@code relay.max-attempts}; records of one receiver
 * and one subject in the order written. Each subclass runs it on one database, with {@code relay.max-attempts=3}.
 */
abstract class DurableReceiverContract {

    private static final List<String> SHIPPED = List.of(ParcelEvents.PARCEL_SHIPPED);

    @Inject
    ParcelEvents parcels;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DurableParcelReceivers receivers;

    @Inject
    OutboxAdmin admin;

    @BeforeEach
    void setUp() {
        Db.execute(dataSource, "CREATE TABLE IF NOT EXISTS parcel_effects (parcel_id VARCHAR(255), step INTEGER)");
    }

    @Test
    void theReceiversAreNotCalledDuringTheSendButAfterTheCommitWithTheEventsName() {
        QuarkusTransaction.requiringNew().run(() -> {
            parcels.send(ParcelEvents.PARCEL_SHIPPED, new Parcel("p-1", 0));
            assertEquals(List.of(), receivers.shippedSteps("p-1"), "not called during the send");
            assertEquals(List.of(DurableParcelReceivers.class.getName() + "#onAnyParcel",
                    DurableParcelReceivers.class.getName() + "#onParcelModule", DurableParcelReceivers.SHIPPED_RECEIVER),
                    Db.strings(dataSource, "SELECT receiver FROM module_events_outbox WHERE subject = 'p-1'"
                            + " AND channel IS NULL AND source = '/shop/parcel' ORDER BY receiver"),
                    "one record per durable receiver, in the sender's transaction");
        });

        Db.await("the receivers are called", () -> receivers.shippedSteps("p-1").size() == 1
                && receivers.patternNames("p-1").size() == 1 && receivers.moduleNames("p-1").size() == 1);
        assertEquals(SHIPPED, receivers.patternNames("p-1"), "EventEmitter.nameOf in a pattern receiver");
        assertEquals(SHIPPED, receivers.moduleNames("p-1"), "EventEmitter.nameOf in a module-wide receiver");
        Db.await("the records are deleted with the receivers' transactions", () -> records("p-1") == 0);
        assertEquals(1, effects("p-1"));
    }

    @Test
    void aRolledBackSendWritesNoRecordAndNoReceiverIsCalled() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            parcels.send(ParcelEvents.PARCEL_SHIPPED, new Parcel("p-2", 0));
            throw new IllegalStateException("the business rule failed");
        }));
        assertEquals(0, records("p-2"));

        sendAndAwaitMarker("p-2-marker");
        assertEquals(List.of(), receivers.shippedSteps("p-2"));
        assertEquals(List.of(), receivers.patternNames("p-2"));
    }

    @Test
    void aSendWithoutTransactionWritesTheRecordsInOneOfTheirOwn() {
        parcels.send(ParcelEvents.PARCEL_LOST, new Parcel("p-3", 0));

        Db.await("the pattern and module receivers are called",
                () -> receivers.patternNames("p-3").size() == 1 && receivers.moduleNames("p-3").size() == 1);
        assertEquals(List.of(ParcelEvents.PARCEL_LOST), receivers.patternNames("p-3"));
        assertEquals(List.of(), receivers.shippedSteps("p-3"), "the exact receiver observes another name");
        Db.await("the records are deleted", () -> records("p-3") == 0);
    }

    @Test
    void sendRobustAndSendAsyncRecordTheReceiversToo() {
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(List.of(), parcels.sendRobust(ParcelEvents.PARCEL_SHIPPED, new Parcel("p-4", 0)));
            parcels.sendAsync(ParcelEvents.PARCEL_SHIPPED, new Parcel("p-4", 1)).toCompletableFuture().join();
            assertEquals(6, records("p-4"), "written on the sender's thread, in its transaction");
            assertEquals(List.of(), receivers.shippedSteps("p-4"));
        });

        Db.await("both are delivered", () -> receivers.shippedSteps("p-4").size() == 2);
        assertEquals(List.of(0, 1), receivers.shippedSteps("p-4"));
        Db.await("the records are deleted", () -> records("p-4") == 0);
    }

    @Test
    void aReceiverThatThrowsRollsBackItsWorkAndIsRetriedUntilItSucceeds() {
        receivers.failFor("p-5", 2);
        QuarkusTransaction.requiringNew().run(() -> parcels.send(ParcelEvents.PARCEL_SHIPPED, new Parcel("p-5", 0)));

        Db.await("the third attempt succeeds", () -> records("p-5") == 0);
        assertEquals(List.of(0, 0, 0), receivers.shippedSteps("p-5"));
        assertEquals(1, effects("p-5"), "the failed attempts' writes rolled back with them");
    }

    @Test
    void aReceiverThatKeepsThrowingMakesItsRecordDeadAndTheAdminResubmitsIt() {
        receivers.failFor("p-6", Integer.MAX_VALUE);
        parcels.send(ParcelEvents.PARCEL_SHIPPED, new Parcel("p-6", 0));

        Db.await("the record is DEAD", () -> dead("p-6") != null);
        OutboxEntry entry = dead("p-6");
        assertEquals(DurableParcelReceivers.SHIPPED_RECEIVER, entry.receiver());
        assertNull(entry.channel());
        assertEquals(ParcelEvents.PARCEL_SHIPPED, entry.name());
        assertEquals("parcel", entry.module());
        assertEquals(3, entry.attempts());
        assertTrue(entry.lastError().contains("the depot is closed"), entry.lastError());
        assertEquals(List.of(0, 0, 0), receivers.shippedSteps("p-6"));
        assertEquals(0, effects("p-6"));
        assertTrue(admin.counts().dead() >= 1);
        Db.await("the other receivers' records are deleted", () -> records("p-6") == 1);

        receivers.failFor("p-6", 0);
        assertTrue(admin.resubmit(entry.id()));
        Db.await("the resubmitted record is delivered", () -> records("p-6") == 0);
        assertEquals(1, effects("p-6"));
    }

    @Test
    void theRecordsOfOneReceiverAndSubjectAreDeliveredInTheOrderWritten() {
        receivers.failFor("p-7", 1);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int step = 0; step < 5; step++) {
                parcels.send(ParcelEvents.PARCEL_SHIPPED, new Parcel("p-7", step));
            }
        });

        Db.await("every record is delivered", () -> records("p-7") == 0);
        assertEquals(List.of(0, 0, 1, 2, 3, 4), receivers.shippedSteps("p-7"),
                "the failed first record held back the later ones until its retry succeeded");
    }

    @Test
    void subjectsAreDeliveredAtTheSameTimeEachInTheOrderWritten() {
        List<String> parcelIds = List.of("lane-a", "lane-b", "lane-c", "lane-d");
        receivers.meetAtFirstStep("lane-", parcelIds.size());
        receivers.failFor("lane-b", 1);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int step = 0; step < 25; step++) {
                for (String parcelId : parcelIds) {
                    parcels.send(ParcelEvents.PARCEL_SHIPPED, new Parcel(parcelId, step));
                }
            }
        });

        Db.await("every record is delivered", () -> parcelIds.stream().allMatch(id -> records(id) == 0));
        assertEquals(List.of(true), receivers.meetings().stream().distinct().toList(),
                "the first records of the four subjects were delivered at the same time");
        List<Integer> steps = IntStream.range(0, 25).boxed().toList();
        for (String parcelId : List.of("lane-a", "lane-c", "lane-d")) {
            assertEquals(steps, receivers.shippedSteps(parcelId), parcelId);
        }
        List<Integer> retried = new ArrayList<>(List.of(0));
        retried.addAll(steps);
        assertEquals(retried, receivers.shippedSteps("lane-b"),
                "the failed first record held back the later ones of its subject only");
        assertEquals(25, effects("lane-b"));
    }

    @Test
    void aRecordOfAReceiverThisApplicationDoesNotHaveStaysPending() {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        Db.execute(dataSource, "INSERT INTO module_events_outbox (id, service, receiver, event_name, module, source,"
                + " subject, payload, created_at, status, attempts, next_attempt_at) VALUES (?, 'shop', ?, ?,"
                + " 'parcel', '/shop/parcel', 'p-8', ?, ?, 'PENDING', 0, ?)", id, "com.acme.Gone#onShipped",
                ParcelEvents.PARCEL_SHIPPED, "{\"id\":\"p-8\",\"step\":0}".getBytes(), now, now);

        sendAndAwaitMarker("p-8-marker");
        assertEquals(List.of("PENDING 0"), Db.strings(dataSource,
                "SELECT status || ' ' || attempts FROM module_events_outbox WHERE id = ?", id));
        assertTrue(admin.list(OutboxStatus.PENDING, 1000).stream().anyMatch(entry -> entry.id().equals(id)
                && entry.receiver().equals("com.acme.Gone#onShipped")), "the admin lists receiver rows");
        Db.execute(dataSource, "DELETE FROM module_events_outbox WHERE id = ?", id);
    }

    private void sendAndAwaitMarker(String parcelId) {
        parcels.send(ParcelEvents.PARCEL_SHIPPED, new Parcel(parcelId, 0));
        Db.await("the marker is delivered", () -> receivers.shippedSteps(parcelId).size() == 1
                && records(parcelId) == 0);
    }

    private OutboxEntry dead(String parcelId) {
        return admin.list(OutboxStatus.DEAD, 1000).stream().filter(entry -> parcelId.equals(entry.subject()))
                .findFirst().orElse(null);
    }

    private long records(String parcelId) {
        return Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox WHERE subject = ?", parcelId);
    }

    private long effects(String parcelId) {
        return Db.count(dataSource, "SELECT COUNT(*) FROM parcel_effects WHERE parcel_id = ?", parcelId);
    }
}
