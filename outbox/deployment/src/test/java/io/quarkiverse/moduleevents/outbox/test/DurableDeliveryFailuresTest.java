package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLTransientConnectionException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.LogRecord;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * How the delivery of a durable receiver's record ends when it cannot succeed, with {@code relay.max-attempts=1}, so
 * that any counted attempt makes the record {@code DEAD}: a delivery whose lease another instance took over rolls
 * back and leaves that instance's record alone; a temporary database failure is no attempt; a payload that cannot be
 * decoded makes the record {@code DEAD} with an error, and log lines, that do not quote its values.
 */
class DurableDeliveryFailuresTest {

    private static final String SECRET = "4111-1111-1111-1111";
    private static final String DELIVERY_LOGGER = "io.quarkiverse.moduleevents.outbox.runtime.DurableDelivery";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(Receiver.class, ParcelEvents.class, Parcel.class, Db.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:durable-failures;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
            .overrideConfigKey("quarkus.module-events.outbox.relay.max-attempts", "1")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop")
            .setLogRecordPredicate(record -> record.getLoggerName().equals(DELIVERY_LOGGER))
            .assertLogRecords(records -> {
                for (LogRecord record : records) {
                    String logged = String.valueOf(record.getMessage()) + List.of(
                            record.getParameters() == null ? new Object[0] : record.getParameters())
                            + (record.getThrown() == null ? "" : stackTrace(record.getThrown()));
                    assertFalse(logged.contains(SECRET), logged);
                }
            });

    @Inject
    ParcelEvents parcels;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Receiver receiver;

    @BeforeEach
    void setUp() {
        Db.execute(dataSource, "CREATE TABLE IF NOT EXISTS parcel_effects (parcel_id VARCHAR(255), step INTEGER)");
    }

    @Test
    void aDeliveryWhoseLeaseWasTakenOverRollsBackAndLeavesTheRecordToItsNewOwner() {
        parcels.send(ParcelEvents.PARCEL_SHIPPED, new Parcel("taken-over", 0));

        Db.await("the delivery's transaction ended", () -> receiver.outcome("taken-over") != null);
        assertEquals(Status.STATUS_ROLLEDBACK, receiver.outcome("taken-over"));
        assertEquals(1, receiver.calls("taken-over"));
        assertEquals(List.of("PENDING another-instance"), Db.strings(dataSource,
                "SELECT status || ' ' || lease_owner FROM module_events_outbox WHERE subject = 'taken-over'"),
                "the other owner's record is not deleted, nor its attempt counted");
        assertEquals(0, effects("taken-over"), "the receiver's work rolled back with the delivery");
        Db.execute(dataSource, "DELETE FROM module_events_outbox WHERE subject = 'taken-over'");
    }

    @Test
    void aTemporaryDatabaseFailureIsNoAttempt() {
        receiver.failTemporarily("temporary", true);
        parcels.send(ParcelEvents.PARCEL_SHIPPED, new Parcel("temporary", 0));

        Db.await("the receiver failed three times", () -> receiver.calls("temporary") >= 3);
        assertEquals(List.of("PENDING 0"), Db.strings(dataSource, "SELECT status || ' ' || attempts"
                + " FROM module_events_outbox WHERE subject = 'temporary'"), "with max-attempts=1, not DEAD");
        receiver.failTemporarily("temporary", false);
        Db.await("the record is delivered", () -> records("temporary") == 0);
        assertEquals(1, effects("temporary"));
    }

    @Test
    void aPayloadThatCannotBeDecodedIsDeadWithAnErrorThatDoesNotQuoteIt() {
        OffsetDateTime now = Instant.now().atOffset(ZoneOffset.UTC);
        Db.execute(dataSource, "INSERT INTO module_events_outbox (id, service, receiver, event_name, module, source,"
                + " subject, payload, created_at, status, attempts, next_attempt_at) VALUES (?, 'shop', ?, ?,"
                + " 'parcel', '/shop/parcel', 'undecodable', ?, ?, 'PENDING', 0, ?)", UUID.randomUUID(),
                Receiver.class.getName() + "#onShipped", ParcelEvents.PARCEL_SHIPPED,
                ("{\"id\":\"undecodable\",\"step\":\"" + SECRET + "\"}").getBytes(), now, now);

        Db.await("the record is DEAD", () -> !Db.strings(dataSource, "SELECT status FROM module_events_outbox"
                + " WHERE subject = 'undecodable' AND status = 'DEAD'").isEmpty());
        String error = Db.strings(dataSource,
                "SELECT last_error FROM module_events_outbox WHERE subject = 'undecodable'").get(0);
        assertFalse(error.contains(SECRET), error);
        assertTrue(error.contains("cannot be decoded into " + Parcel.class.getName() + ": InvalidFormatException at "),
                error);
        assertTrue(error.contains("\"step\"") && error.contains("line: 1, column: "), error);
        assertEquals(0, receiver.calls("undecodable"));
    }

    private long records(String parcelId) {
        return Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox WHERE subject = ?", parcelId);
    }

    private long effects(String parcelId) {
        return Db.count(dataSource, "SELECT COUNT(*) FROM parcel_effects WHERE parcel_id = ?", parcelId);
    }

    private static String stackTrace(Throwable thrown) {
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }

    /**
     * A durable receiver that writes an effect row, then, by parcel: takes its own record's lease over as another
     * instance would (in a transaction of its own) and notes how the delivery's transaction ends, or throws a temporary
     * database failure while told to.
     */
    @Singleton
    public static class Receiver {

        @Inject
        AgroalDataSource dataSource;

        private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
        @Inject
        TransactionSynchronizationRegistry synchronizations;

        private final Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        private final Map<String, Boolean> temporaryFailures = new ConcurrentHashMap<>();

        @Durable
        void onShipped(@Observes @Named(ParcelEvents.PARCEL_SHIPPED) Parcel parcel) {
            calls.computeIfAbsent(parcel.id(), id -> new AtomicInteger()).incrementAndGet();
            Db.execute(dataSource, "INSERT INTO parcel_effects (parcel_id, step) VALUES (?, ?)", parcel.id(),
                    parcel.step());
            if (parcel.id().equals("taken-over")) {
                synchronizations.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                    }

                    @Override
                    public void afterCompletion(int status) {
                        outcomes.put(parcel.id(), status);
                    }
                });
                QuarkusTransaction.requiringNew().run(() -> Db.execute(dataSource, "UPDATE module_events_outbox"
                        + " SET lease_owner = 'another-instance', lease_until = ? WHERE subject = ?",
                        Instant.now().plus(1, ChronoUnit.HOURS).atOffset(ZoneOffset.UTC), parcel.id()));
            }
            if (temporaryFailures.getOrDefault(parcel.id(), false)) {
                throw new IllegalStateException("the datasource is closed",
                        new SQLTransientConnectionException("connection closed"));
            }
        }

        void failTemporarily(String parcelId, boolean fail) {
            temporaryFailures.put(parcelId, fail);
        }

        int calls(String parcelId) {
            AtomicInteger count = calls.get(parcelId);
            return count == null ? 0 : count.get();
        }

        /**
         * @return how the delivery's transaction ended ({@link Status}), {@code null} before it did
         */
        Integer outcome(String parcelId) {
            return outcomes.get(parcelId);
        }
    }
}
