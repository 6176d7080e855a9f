package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkiverse.moduleevents.ReceiverFailure;

/**
 * Delivers one event to every synchronous observer even when some throw: CDI's {@code fire} stops at the first
 * exception, so {@code sendRobust} notifies the resolved observers one by one, as ArC does, and collects what they
 * throw. Observers of a transaction phase are deferred to that phase while a transaction is active.
 */
final class RobustDelivery {

    private final BeanManager beanManager;
    private final Annotation[] qualifiers;
    private final Set<Annotation> qualifierSet;
    private final ConcurrentMap<Class<?>, List<ObserverMethod<? super Object>>> observersByRuntimeType = new ConcurrentHashMap<>();

    RobustDelivery(BeanManager beanManager, Annotation[] qualifiers) {
        this.beanManager = beanManager;
        this.qualifiers = qualifiers;
        this.qualifierSet = Set.of(qualifiers);
    }

    void deliver(Object payload, List<ReceiverFailure> failures) {
        List<ObserverMethod<? super Object>> observers = observersByRuntimeType.computeIfAbsent(payload.getClass(),
                type -> synchronousObservers(payload));
        if (observers.isEmpty()) {
            return;
        }
        EventContext<Object> context = new Context(payload, new Metadata(qualifierSet, payload.getClass()));
        boolean transactionPhasesDeferred = TransactionPhaseReceivers.deferIfTransactionActive(observers, context);
        withRequestContext(() -> {
            for (ObserverMethod<? super Object> observer : observers) {
                if (transactionPhasesDeferred && observer.getTransactionPhase() != TransactionPhase.IN_PROGRESS) {
                    continue;
                }
                try {
                    observer.notify(context);
                } catch (Throwable error) {
                    failures.add(new ReceiverFailure(receiverName(observer), error));
                }
            }
        });
    }

    /**
     * Runs the action with the request context active, activating it for the action alone when it is not, as ArC
     * does for the observers of a synchronous event.
     */
    static void withRequestContext(Runnable action) {
        ManagedContext requestContext = Arc.container().requestContext();
        if (requestContext.isActive()) {
            action.run();
            return;
        }
        requestContext.activate();
        try {
            action.run();
        } finally {
            requestContext.terminate();
        }
    }

    private List<ObserverMethod<? super Object>> synchronousObservers(Object payload) {
        List<ObserverMethod<? super Object>> synchronous = new ArrayList<>();
        // resolveObserverMethods returns the observers in priority order
        for (ObserverMethod<? super Object> observer : beanManager.resolveObserverMethods(payload, qualifiers)) {
            if (!observer.isAsync()) {
                synchronous.add(observer);
            }
        }
        return List.copyOf(synchronous);
    }

    /**
     * @return the receivers of the event, synchronous or asynchronous ones, in the order they run; for the dev and
     *         test tooling only, since it resolves the observers again
     */
    List<String> receiverNames(Object payload, boolean async) {
        List<String> receivers = new ArrayList<>();
        for (ObserverMethod<? super Object> observer : beanManager.resolveObserverMethods(payload, qualifiers)) {
            if (observer.isAsync() == async) {
                receivers.add(receiverName(observer));
            }
        }
        return receivers;
    }

    /**
     * Names the receiver that threw an error out of {@code fire}, by finding its method in the error's stack trace;
     * for the dev and test tooling only, since it resolves the observers again.
     */
    ReceiverFailure failureOf(Object payload, Throwable error) {
        Set<String> receivers = new HashSet<>(receiverNames(payload, false));
        receivers.addAll(receiverNames(payload, true));
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            for (StackTraceElement frame : cause.getStackTrace()) {
                String method = frame.getClassName() + "#" + frame.getMethodName();
                if (receivers.contains(method)) {
                    return new ReceiverFailure(method, error);
                }
            }
        }
        return new ReceiverFailure("unknown receiver", error);
    }

    /**
     * @param failure how an asynchronous delivery completed: ArC's {@code CompletionException} carries each
     *        receiver's exception as suppressed
     */
    List<ReceiverFailure> failuresOf(Object payload, Throwable failure) {
        Throwable[] suppressed = failure.getSuppressed();
        if (suppressed.length == 0) {
            return List.of(failureOf(payload, failure.getCause() != null ? failure.getCause() : failure));
        }
        List<ReceiverFailure> failures = new ArrayList<>();
        for (Throwable error : suppressed) {
            failures.add(failureOf(payload, error));
        }
        return failures;
    }

    /**
     * ArC's observers describe themselves as {@code Observer [method=com.acme.Mail#onEmail(com.acme.Email)]}; the
     * CDI API has no other way to name an observer's method.
     */
    static String receiverName(ObserverMethod<?> observer) {
        String description = observer.toString();
        int start = description.indexOf("method=");
        int end = description.indexOf('(', start);
        if (start >= 0 && end > start) {
            return description.substring(start + "method=".length(), end);
        }
        return observer.getBeanClass().getName() + "#" + description;
    }

    private record Context(Object getEvent, EventMetadata getMetadata) implements EventContext<Object> {
    }

    private record Metadata(Set<Annotation> getQualifiers, Type getType) implements EventMetadata {

        @Override
        public InjectionPoint getInjectionPoint() {
            return null;
        }
    }
}
