package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.moduleevents.messaging.spi.IncomingEventInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records every incoming event's ({@code source}, {@code id}) in {@code module_events_inbox}, in a new transaction
 * that also runs the synchronous receivers, so that their database effects happen once per event even when the
 * broker delivers it again: a pair recorded before means the event was processed, and it is dropped; a receiver that
 * throws rolls the pair back with the receivers' work, so a redelivery processes it again.
 * <p>
 * A temporary failure of that transaction (see {@link TemporaryFailures}: the database down or restarting, a lock
 * time-out, a deadlock) is not the event's fault: the transaction is tried again, after a pause that doubles from
 * 100 ms up to 5 s, for as long as the failure lasts, and the message stays unacknowledged meanwhile instead of being
 * rejected and dead-lettered. Trying again is safe: the failed transaction rolled back, or, when only its commit's
 * outcome is unknown and it did commit, the next attempt finds the pair recorded and drops the event.
 */
@Singleton
public class OutboxInbox implements IncomingEventInbox {

    private static final Logger LOG = Logger.getLogger(OutboxInbox.class);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(5);

    private final OutboxDataSource dataSource;
    private final InboxRows inboxRows;
    private final Clock clock = Clock.systemUTC();

    @Inject
    OutboxInbox(OutboxDataSource dataSource, InboxRows inboxRows) {
        this.dataSource = dataSource;
        this.inboxRows = inboxRows;
    }

    @Override
    public boolean deliverOnce(String source, String id, Runnable receivers) {
        Duration pause = FIRST_PAUSE;
        for (int attempt = 1;; attempt++) {
            try {
                return deliverOnceNow(source, id, receivers);
            } catch (RuntimeException e) {
                SQLException temporary = TemporaryFailures.temporaryCause(e);
                if (temporary == null) {
                    throw e;
                }
                LOG.warnf("An incoming event met a temporary failure in attempt %d, %s (SQLState %s); trying again"
                        + " in %d ms, the message stays unacknowledged", attempt, temporary,
                        temporary.getSQLState(), pause.toMillis());
                sleep(pause, e);
                Duration doubled = pause.multipliedBy(2);
                pause = doubled.compareTo(LONGEST_PAUSE) < 0 ? doubled : LONGEST_PAUSE;
            }
        }
    }

    private static void sleep(Duration pause, RuntimeException failure) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            // the application is stopping: the message is rejected with the failure, as before
            Thread.currentThread().interrupt();
            throw failure;
        }
    }

    private boolean deliverOnceNow(String source, String id, Runnable receivers) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (!record(source, id)) {
                    // rolls the transaction back, which a failed statement may have spoiled on PostgreSQL
                    throw AlreadyProcessed.INSTANCE;
                }
                receivers.run();
            });
            return true;
        } catch (RuntimeException e) {
            if (e == AlreadyProcessed.INSTANCE || e.getCause() == AlreadyProcessed.INSTANCE) {
                return false;
            }
            throw e;
        }
    }

    private boolean record(String source, String id) {
        try (Connection connection = dataSource.connection()) {
            return inboxRows.record(connection, source, id, clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("Incoming event not recorded in the inbox table of datasource '"
                    + dataSource.name() + "': " + e.getMessage() + " [source: " + source + ", id: " + id + "]",
                    e);
        }
    }

    private static final class AlreadyProcessed extends RuntimeException {

        private static final long serialVersionUID = 1L;
        static final AlreadyProcessed INSTANCE = new AlreadyProcessed();

        private AlreadyProcessed() {
            super("the inbox has recorded the event before", null, false, false);
        }
    }
}
