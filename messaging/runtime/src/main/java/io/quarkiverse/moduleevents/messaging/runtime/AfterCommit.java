package io.quarkiverse.moduleevents.messaging.runtime;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.jboss.logging.Logger;

/**
 * Runs a task once the caller's JTA transaction commits: never when it rolls back, nor when it is already marked
 * rollback-only; at once when there is no transaction (or the application has no JTA), or when it has committed
 * already (the caller runs after its commit).
 */
@Singleton
public class AfterCommit {

    private static final Logger LOG = Logger.getLogger(AfterCommit.class);

    /** {@code null} when the application has no JTA */
    private final TransactionSynchronizationRegistry transactions;

    @Inject
    AfterCommit(Instance<TransactionSynchronizationRegistry> transactions) {
        this.transactions = transactions.isResolvable() ? transactions.get() : null;
    }

    /**
     * @throws IllegalStateException when the transaction is in progress but refuses the task
     */
    void run(Runnable task, String eventName) {
        int status = transactions == null ? Status.STATUS_NO_TRANSACTION : transactions.getTransactionStatus();
        switch (status) {
            case Status.STATUS_NO_TRANSACTION, Status.STATUS_COMMITTED -> task.run();
            case Status.STATUS_MARKED_ROLLBACK, Status.STATUS_ROLLING_BACK, Status.STATUS_ROLLEDBACK -> LOG.debugf(
                    "Event '%s' not sent: its transaction is rolled back or marked rollback-only", eventName);
            default -> transactions.registerInterposedSynchronization(new OnCommit(task, eventName));
        }
    }

    private record OnCommit(Runnable task, String eventName) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status != Status.STATUS_COMMITTED) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.errorf(e, "Event '%s' not sent after the commit; it is lost, as delivery without the outbox is at"
                        + " most once", eventName);
            }
        }
    }
}
