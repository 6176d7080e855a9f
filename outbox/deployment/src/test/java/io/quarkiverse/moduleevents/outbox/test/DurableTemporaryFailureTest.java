package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A durable delivery whose commit fails because PostgreSQL ended the connection after the receiver's work and the
 * record's deletion (as when the server shuts down) is a temporary failure, for real; the transaction manager reports
 * it as a {@code RollbackException} that carries the database's failure among its suppressed exceptions. no attempt is counted,
 * so with
 * {@code relay.max-attempts=1} the record is not {@code DEAD} but delivered again, and the receiver's work, rolled back
 * with the failed commit, is done once.
 */
class DurableTemporaryFailureTest {

    private static final String DATABASE = "durable_temporary_failures";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(ParcelEvents.class, Parcel.class, Db.class,
                    SharedPostgres.class, Depot.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", SharedPostgres.url(DATABASE))
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.password", "postgres")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
            // a failure counted as an attempt would make the record DEAD at once
            .overrideConfigKey("quarkus.module-events.outbox.relay.max-attempts", "1");

    @Inject
    ParcelEvents parcels;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Depot depot;

    @Test
    void aDeliveryWhoseCommitFailsBecauseTheServerEndedTheConnectionIsDeliveredAgainAndDoneOnce() {
        Db.execute(dataSource, "CREATE TABLE IF NOT EXISTS parcel_effects (parcel_id VARCHAR(255), step INTEGER)");
        depot.endConnectionBeforeCommitOf("p-ended");

        QuarkusTransaction.requiringNew().run(() -> parcels.send(ParcelEvents.PARCEL_SHIPPED, new Parcel("p-ended", 0)));

        Db.await("the record is delivered and deleted", () -> Db.count(dataSource,
                "SELECT COUNT(*) FROM module_events_outbox WHERE subject = 'p-ended'") == 0);
        assertNull(depot.connectionToEnd(), "the connection was ended once");
        assertEquals(2, depot.calls(), "called again after the failed commit");
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM parcel_effects WHERE parcel_id = 'p-ended'"),
                "done once: the first call's work rolled back with its commit");
    }

    @Singleton
    public static class Depot {

        private final AtomicReference<String> endConnectionBeforeCommitOf = new AtomicReference<>();
        private final AtomicInteger calls = new AtomicInteger();

        @Inject
        AgroalDataSource dataSource;

        @Inject
        TransactionSynchronizationRegistry transactions;

        @Durable
        void onShipped(@Observes @Named(ParcelEvents.PARCEL_SHIPPED) Parcel parcel) {
            calls.incrementAndGet();
            Db.execute(dataSource, "INSERT INTO parcel_effects (parcel_id, step) VALUES (?, ?)", parcel.id(),
                    parcel.step());
            String ended = endConnectionBeforeCommitOf.get();
            if (parcel.id().equals(ended) && endConnectionBeforeCommitOf.compareAndSet(ended, null)) {
                // after the delivery has deleted its record, just before the commit
                transactions.registerInterposedSynchronization(new Synchronization() {
                    @Override
                    public void beforeCompletion() {
                        Db.endConnection(dataSource, SharedPostgres.url(DATABASE));
                    }

                    @Override
                    public void afterCompletion(int status) {
                    }
                });
            }
        }

        void endConnectionBeforeCommitOf(String parcelId) {
            endConnectionBeforeCommitOf.set(parcelId);
        }

        String connectionToEnd() {
            return endConnectionBeforeCommitOf.get();
        }

        int calls() {
            return calls.get();
        }
    }
}
