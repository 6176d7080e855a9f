package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.event.ObserverException;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;

import io.quarkiverse.moduleevents.ReceiverFailure;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * The synchronous observers of one event name for one runtime type of its payload, resolved once, in priority order.
 * <p>
 * {@code send} notifies them itself instead of calling {@code Event.fire}, whose notifier does per-event work that the
 * emitter knows the answer to in advance (it tests every observer for being asynchronous, makes a predicate and looks
 * up the container). It keeps {@code fire}'s contract: the request context is activated for the delivery when it is
 * not active (unless ArC runs in strict mode), the first exception stops the delivery, a checked one arrives wrapped in
 * {@link ObserverException}, and the observers get the same {@link EventMetadata} as from {@code fire}. Events with
 * an observer of a transaction phase, and payloads of a generic runtime type, whose event type CDI infers from the
 * injection point, are left to {@code fire}.
 */
final class SynchronousReceivers {

    private static final ObserverMethod<?>[] NONE = new ObserverMethod<?>[0];

    final Class<?> runtimeType;
    private final ObserverMethod<? super Object>[] observers;
    private final List<ObserverMethod<? super Object>> transactionPhaseObservers;
    private final boolean firedThroughCdi;
    private final EventMetadata metadata;
    /** {@code null} when ArC runs in strict mode, where only CDI's own rules activate the request context */
    private final ManagedContext requestContext;

    @SuppressWarnings("unchecked")
    SynchronousReceivers(BeanManager beanManager, Object payload, Annotation[] qualifiers,
            InjectionPoint injectionPoint) {
        this.runtimeType = payload.getClass();
        List<ObserverMethod<? super Object>> synchronous = new ArrayList<>();
        List<ObserverMethod<? super Object>> transactionPhase = new ArrayList<>();
        // resolveObserverMethods returns the observers in priority order
        for (ObserverMethod<? super Object> observer : beanManager.resolveObserverMethods(payload, qualifiers)) {
            if (!observer.isAsync()) {
                synchronous.add(observer);
                if (observer.getTransactionPhase() != TransactionPhase.IN_PROGRESS) {
                    transactionPhase.add(observer);
                }
            }
        }
        this.observers = synchronous.toArray((ObserverMethod<? super Object>[]) NONE);
        this.transactionPhaseObservers = List.copyOf(transactionPhase);
        this.firedThroughCdi = !transactionPhase.isEmpty() || runtimeType.getTypeParameters().length > 0;
        this.metadata = new Metadata(Set.of(qualifiers), runtimeType, injectionPoint);
        this.requestContext = Arc.container().strictCompatibility() ? null : Arc.container().requestContext();
    }

    /**
     * @return whether {@code send} must go through {@code Event.fire}, which defers observers to their transaction
     *         phase and infers generic event types
     */
    boolean firedThroughCdi() {
        return firedThroughCdi;
    }

    /**
     * Notifies the observers as {@code Event.fire} does; only when not {@link #firedThroughCdi()}.
     */
    void notifyUntilFirstFailure(Object payload) {
        if (observers.length == 0) {
            return;
        }
        EventContext<Object> context = new Context(payload, metadata);
        boolean activated = activateRequestContextIfInactive(requestContext);
        try {
            notifyUntilFirstFailure(context);
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private void notifyUntilFirstFailure(EventContext<Object> context) {
        for (ObserverMethod<? super Object> observer : observers) {
            try {
                observer.notify(context);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable checked) {
                throw new ObserverException(checked);
            }
        }
    }

    /**
     * Notifies every observer even when some throw, and collects what they throw: {@code sendRobust}. Observers of a
     * transaction phase are deferred to that phase while a transaction is active. The request context is activated
     * as for {@link #notifyUntilFirstFailure(Object)}.
     */
    void notifyEach(Object payload, List<ReceiverFailure> failures) {
        if (observers.length == 0) {
            return;
        }
        EventContext<Object> context = new Context(payload, metadata);
        boolean transactionPhasesDeferred = !transactionPhaseObservers.isEmpty()
                && TransactionPhaseReceivers.deferIfTransactionActive(transactionPhaseObservers, context);
        boolean activated = activateRequestContextIfInactive(requestContext);
        try {
            for (ObserverMethod<? super Object> observer : observers) {
                if (transactionPhasesDeferred && observer.getTransactionPhase() != TransactionPhase.IN_PROGRESS) {
                    continue;
                }
                try {
                    observer.notify(context);
                } catch (Throwable error) {
                    failures.add(new ReceiverFailure(ReceiverNames.of(observer), error));
                }
            }
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    /**
     * @param requestContext {@code null} when it must not be activated
     * @return whether it was activated here, and so must be terminated by the caller
     */
    static boolean activateRequestContextIfInactive(ManagedContext requestContext) {
        if (requestContext == null || requestContext.isActive()) {
            return false;
        }
        requestContext.activate();
        return true;
    }

    private record Context(Object getEvent, EventMetadata getMetadata) implements EventContext<Object> {
    }

    private record Metadata(Set<Annotation> getQualifiers, Type getType, InjectionPoint getInjectionPoint)
            implements
                EventMetadata {
    }
}
