package io.quarkiverse.moduleevents.runtime;

import java.util.List;
import java.util.function.Predicate;

import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionManager;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.arc.ManagedContext;

/**
 * Runs the observers of a transaction phase in that phase, as CDI's {@code Event.fire} does: registered as a
 * synchronization of the active transaction, or called at once when there is none.
 */
final class TransactionPhaseReceivers implements Synchronization {

    private static final Logger LOG = Logger.getLogger(TransactionPhaseReceivers.class);

    private final List<ObserverMethod<? super Object>> observers;
    private final EventContext<Object> context;

    private TransactionPhaseReceivers(List<ObserverMethod<? super Object>> observers, EventContext<Object> context) {
        this.observers = observers;
        this.context = context;
    }

    /**
     * @param phased observers of a transaction phase, none {@code IN_PROGRESS}
     * @return whether the observers were deferred to the active transaction; when not, the caller notifies them at
     *         once
     */
    static boolean deferIfTransactionActive(List<ObserverMethod<? super Object>> phased,
            EventContext<Object> context) {
        InstanceHandle<TransactionManager> transactionManager = Arc.container().instance(TransactionManager.class);
        if (!transactionManager.isAvailable()) {
            return false;
        }
        try {
            if (transactionManager.get().getStatus() != Status.STATUS_ACTIVE) {
                return false;
            }
            transactionManager.get().getTransaction()
                    .registerSynchronization(new TransactionPhaseReceivers(phased, context));
            return true;
        } catch (Exception e) {
            LOG.debugf(e, "Cannot defer transaction phase observers; they are notified at once");
            return false;
        }
    }

    @Override
    public void beforeCompletion() {
        notifyObservers(phase -> phase == TransactionPhase.BEFORE_COMPLETION);
    }

    @Override
    public void afterCompletion(int status) {
        boolean committed = status == Status.STATUS_COMMITTED;
        notifyObservers(phase -> phase == TransactionPhase.AFTER_COMPLETION
                || phase == (committed ? TransactionPhase.AFTER_SUCCESS : TransactionPhase.AFTER_FAILURE));
    }

    /** With the request context active, as ArC does for the observers it defers, strict mode or not. */
    private void notifyObservers(Predicate<TransactionPhase> inPhase) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = SynchronousReceivers.activateRequestContextIfInactive(requestContext);
        try {
            for (ObserverMethod<? super Object> observer : observers) {
                if (inPhase.test(observer.getTransactionPhase())) {
                    try {
                        observer.notify(context);
                    } catch (RuntimeException e) {
                        LOG.errorf(e, "Receiver %s failed in transaction phase %s",
                                ReceiverNames.of(observer), observer.getTransactionPhase());
                    }
                }
            }
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }
}
