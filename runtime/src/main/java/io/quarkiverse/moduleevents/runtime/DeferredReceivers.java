package io.quarkiverse.moduleevents.runtime;

import java.util.List;

import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;

import org.jboss.logging.Logger;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.arc.ManagedContext;

/**
 * Runs the receivers of a transaction phase in that phase, as ArC's {@code Event.fire} does: registered as a
 * synchronization of the active transaction, or, when there is none, notified at once with the other receivers.
 * What a deferred receiver throws is logged, since the sender has returned.
 */
final class DeferredReceivers implements Synchronization {

    private static final Logger LOG = Logger.getLogger(DeferredReceivers.class);

    /**
     * Which receivers are notified at once, given what {@link #deferIfTransactionActive(List, EventContext)} did.
     */
    enum NotifiedAtOnce {
        /** no transaction is active, or deferring failed for another reason than those below */
        ALL,
        /** deferring failed as the transaction can no longer succeed: CDI leaves {@code AFTER_SUCCESS} out */
        ALL_BUT_AFTER_SUCCESS,
        /** the receivers of a transaction phase were deferred */
        IN_PROGRESS_ONLY;

        boolean includes(ObserverMethod<?> receiver) {
            return switch (this) {
                case ALL -> true;
                case ALL_BUT_AFTER_SUCCESS -> receiver.getTransactionPhase() != TransactionPhase.AFTER_SUCCESS;
                case IN_PROGRESS_ONLY -> receiver.getTransactionPhase() == TransactionPhase.IN_PROGRESS;
            };
        }
    }

    private final List<ObserverMethod<? super Object>> receivers;
    private final EventContext<Object> context;

    private DeferredReceivers(List<ObserverMethod<? super Object>> receivers, EventContext<Object> context) {
        this.receivers = receivers;
        this.context = context;
    }

    /**
     * Registers the receivers with the active transaction, with the same rules as ArC's {@code Event.fire}.
     *
     * @param phased receivers of a transaction phase, none {@code IN_PROGRESS}, in priority order
     */
    static NotifiedAtOnce deferIfTransactionActive(List<ObserverMethod<? super Object>> phased,
            EventContext<Object> context) {
        InstanceHandle<TransactionManager> transactionManager = Arc.container().instance(TransactionManager.class);
        try {
            if (transactionManager.isAvailable() && transactionManager.get().getStatus() == Status.STATUS_ACTIVE) {
                try {
                    transactionManager.get().getTransaction()
                            .registerSynchronization(new DeferredReceivers(phased, context));
                    return NotifiedAtOnce.IN_PROGRESS_ONLY;
                } catch (Exception e) {
                    LOG.debugf(e, "Cannot defer the receivers of a transaction phase; they are notified at once");
                    if (e.getCause() instanceof RollbackException || e.getCause() instanceof IllegalStateException
                            || e.getCause() instanceof SystemException) {
                        return NotifiedAtOnce.ALL_BUT_AFTER_SUCCESS;
                    }
                }
            }
        } catch (SystemException e) {
            LOG.debugf(e, "Cannot read the transaction's status; the receivers of a transaction phase are notified at once");
        }
        return NotifiedAtOnce.ALL;
    }

    @Override
    public void beforeCompletion() {
        for (ObserverMethod<? super Object> receiver : receivers) {
            if (receiver.getTransactionPhase() == TransactionPhase.BEFORE_COMPLETION) {
                notifyDeferred(receiver);
            }
        }
    }

    @Override
    public void afterCompletion(int status) {
        boolean committed = status == Status.STATUS_COMMITTED;
        for (ObserverMethod<? super Object> receiver : receivers) {
            TransactionPhase phase = receiver.getTransactionPhase();
            if (phase == TransactionPhase.AFTER_COMPLETION
                    || phase == (committed ? TransactionPhase.AFTER_SUCCESS : TransactionPhase.AFTER_FAILURE)) {
                notifyDeferred(receiver);
            }
        }
    }

    private void notifyDeferred(ObserverMethod<? super Object> receiver) {
        try {
            ManagedContext requestContext = RequestContextActivation.forDeferredDelivery();
            boolean activated = RequestContextActivation.activateIfInactive(requestContext);
            try {
                receiver.notify(context);
            } finally {
                if (activated) {
                    requestContext.terminate();
                }
            }
        } catch (Exception e) {
            LOG.errorf(e, "Receiver %s failed in transaction phase %s", ReceiverName.of(receiver),
                    receiver.getTransactionPhase());
        }
    }
}
