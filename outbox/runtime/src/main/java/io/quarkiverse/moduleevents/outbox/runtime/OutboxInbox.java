package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.messaging.spi.IncomingEventInbox;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Records every incoming event's ({@code source}, {@code id}) in {@code module_events_inbox}, in a new transaction
 * that also runs the synchronous receivers, so that their database effects happen once per event even when the
 * broker delivers it again: a pair recorded before means the event was processed, and it is dropped; a receiver that
 * throws rolls the pair back with the receivers' work, so a redelivery processes it again.
 */
@Singleton
public class OutboxInbox implements IncomingEventInbox {

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
