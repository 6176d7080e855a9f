package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Supplier;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

import io.quarkiverse.moduleevents.messaging.spi.EventTraceContext;
import io.quarkiverse.moduleevents.messaging.spi.EventTracing;
import io.quarkiverse.moduleevents.messaging.spi.OutgoingEvent;
import io.quarkiverse.moduleevents.messaging.spi.OutgoingEventSink;
import io.quarkiverse.moduleevents.outbox.OutboxWriteException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Writes every outgoing event to the outbox table: in the sender's JTA transaction when there is one, so the row
 * commits or rolls back with the sender's work, else in a transaction of its own. When the write fails inside the
 * sender's transaction, that transaction is marked rollback-only before the {@link OutboxWriteException} is thrown, so
 * that catching it (as {@code sendRobust} does) cannot commit the work without its event. A commit that wrote rows
 * wakes the relay. Each row keeps the sender's trace context, for the relay to publish under it. The records of durable
 * receivers are written with the same rules ({@link #write}).
 */
@Singleton
public class OutboxWriter implements OutgoingEventSink {

    private static final Logger LOG = Logger.getLogger(OutboxWriter.class);

    private final OutboxDataSource dataSource;
    private final OutboxRows outboxRows;
    private final OutboxRelay relay;
    private final TransactionManager transactions;
    private final TransactionSynchronizationRegistry synchronizations;
    private final EventTracing tracing;

    @Inject
    OutboxWriter(OutboxDataSource dataSource, OutboxRows outboxRows, OutboxRelay relay,
            TransactionManager transactions, TransactionSynchronizationRegistry synchronizations,
            EventTracing tracing) {
        this.tracing = tracing;
        this.dataSource = dataSource;
        this.outboxRows = outboxRows;
        this.relay = relay;
        this.transactions = transactions;
        this.synchronizations = synchronizations;
    }

    @Override
    public void store(Supplier<OutgoingEvent> event) {
        EventTraceContext trace = tracing.current();
        write(() -> insert(event.get(), trace), relay);
    }

    /**
     * Runs {@code insertion}, which writes rows to the outbox table, with the transaction rules of an outgoing event:
     * in the sender's transaction, else in one of its own; not at all when the sender's transaction is marked
     * rollback-only. Inside the sender's transaction, a failure marks it rollback-only and is thrown as an
     * {@link OutboxWriteException}. The commit wakes {@code worker}.
     */
    void write(Runnable insertion, Wakeable worker) {
        int status = status();
        if (status == Status.STATUS_NO_TRANSACTION) {
            QuarkusTransaction.requiringNew().run(insertion);
            worker.wake();
        } else if (status == Status.STATUS_MARKED_ROLLBACK) {
            LOG.debug("Event not written to the outbox: the transaction is marked rollback-only, so it is never sent"
                    + " nor delivered");
        } else {
            writeInTransaction(insertion, worker);
        }
    }

    private void writeInTransaction(Runnable insertion, Wakeable worker) {
        try {
            insertion.run();
            WakeOnCommit wake = new WakeOnCommit(worker);
            if (synchronizations.getResource(wake) == null) {
                synchronizations.putResource(wake, Boolean.TRUE);
                synchronizations.registerInterposedSynchronization(wake);
            }
        } catch (RuntimeException | Error e) {
            try {
                transactions.setRollbackOnly();
            } catch (SystemException | IllegalStateException rollbackFailure) {
                e.addSuppressed(rollbackFailure);
            }
            throw e instanceof OutboxWriteException written ? written
                    : new OutboxWriteException("Event not written to the outbox, so its transaction is marked"
                            + " rollback-only: " + e.getMessage(), e);
        }
    }

    private void insert(OutgoingEvent event, EventTraceContext trace) {
        try (Connection connection = dataSource.connection()) {
            outboxRows.insert(connection, event, trace);
        } catch (SQLException e) {
            throw new OutboxWriteException("Event not written to the outbox table of datasource '"
                    + dataSource.name() + "': " + e.getMessage() + " [id: " + event.id() + ", event: "
                    + event.name() + ", channel: " + event.channel() + "]", e);
        }
    }

    private int status() {
        try {
            return transactions.getStatus();
        } catch (SystemException e) {
            throw new OutboxWriteException("Event not written to the outbox: the transaction's status is unknown", e);
        }
    }

    /**
     * Registered once per transaction and worker: equal for the same worker, it is also the key of its registration.
     */
    private record WakeOnCommit(Wakeable worker) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                worker.wake();
            }
        }
    }
}
