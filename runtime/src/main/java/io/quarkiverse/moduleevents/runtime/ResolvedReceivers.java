package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;

import io.quarkiverse.moduleevents.ReceiverFailure;
import io.quarkiverse.moduleevents.runtime.DeferredReceivers.NotifiedAtOnce;
import io.quarkus.arc.ManagedContext;

/**
 * The receivers of one event name for one runtime type of its payload, resolved once, with everything the emitter
 * needs to notify them as ArC's {@code Event} does: the synchronous ones in priority order (those of a transaction
 * phase among them), the asynchronous ones in priority order, their names, the {@link EventMetadata} they get and the
 * request context to activate; and the name's {@link EventForwarding} and {@link EventRecording}, called before all of
 * them, the recorded receivers being left out of the synchronous ones.
 * <p>
 * Notifying them here rather than through {@code Event.fire} saves the per-event work of ArC's notifier (it tests
 * every observer for being asynchronous, makes a predicate and looks up the container), and tells the emitter which
 * receiver threw.
 */
final class ResolvedReceivers {

    private static final ObserverMethod<?>[] NONE = new ObserverMethod<?>[0];

    final Class<?> runtimeType;
    /** in priority order, with those of a transaction phase */
    private final ObserverMethod<? super Object>[] synchronous;
    /** in priority order */
    private final List<ObserverMethod<? super Object>> transactionPhase;
    /** in priority order */
    private final ObserverMethod<? super Object>[] asynchronous;
    /** the synchronous ones a {@code ReceiverRecorder} records instead, in priority order */
    private final ObserverMethod<? super Object>[] recorded;
    /** as {@code class#method}, those of {@link #recorded} in their order */
    private final List<String> recordedNames;
    /** {@code null} when the name is not forwarded */
    private final EventForwarding forwarding;
    /** {@code null} when no receiver is recorded */
    private final EventRecording recording;
    /** how many of the forwarder and the recorder are called before the receivers */
    private final int beforeReceivers;
    /**
     * whether a synchronous send only notifies {@link #synchronous} at once: no forwarder, no recorder, no receiver
     * of a transaction phase; the common case, kept to one test per send
     */
    private final boolean atOnceOnly;
    /**
     * as {@code class#method}: the forwarder and the recorder when there are, then those of {@link #synchronous} in
     * their order
     */
    final List<String> synchronousNames;
    /**
     * as {@code class#method}: the forwarder and the recorder when there are, then those of {@link #asynchronous} in
     * their order
     */
    final List<String> asynchronousNames;
    /** the counters of the failures of those of {@link #synchronousNames}; {@code null} without a metrics extension */
    private final EventCounter[] synchronousFailures;
    /**
     * the counters of the failures of those of {@link #asynchronousNames}; {@code null} without a metrics extension
     */
    private final EventCounter[] asynchronousFailures;
    /** {@code null} without a metrics extension */
    private final EventMeters meters;
    private final String event;
    private final EventMetadata metadata;
    private final ManagedContext requestContext;

    /**
     * @param forwarding {@code null} when the name is not forwarded
     * @param meters {@code null} when the application has no metrics extension
     * @throws IllegalArgumentException when the payload's runtime type is generic: CDI would infer its type arguments
     *         from the injection point, the emitter's {@code Event<Object>}, which has none to give
     */
    @SuppressWarnings("unchecked")
    ResolvedReceivers(BeanManager beanManager, Object payload, Annotation[] qualifiers, InjectionPoint injectionPoint,
            EventForwarding forwarding, ReceiverResolver.Recording recording, EventMeters meters) {
        this.runtimeType = payload.getClass();
        List<ObserverMethod<? super Object>> synchronous = new ArrayList<>();
        List<ObserverMethod<? super Object>> transactionPhase = new ArrayList<>();
        List<ObserverMethod<? super Object>> asynchronous = new ArrayList<>();
        List<ObserverMethod<? super Object>> recorded = new ArrayList<>();
        List<String> recordedNames = new ArrayList<>();
        // resolveObserverMethods returns the observers in priority order
        for (ObserverMethod<? super Object> observer : beanManager.resolveObserverMethods(payload, qualifiers)) {
            if (observer.isAsync()) {
                asynchronous.add(observer);
                continue;
            }
            String name = ReceiverName.of(observer);
            if (recording.records(name)) {
                recorded.add(observer);
                recordedNames.add(name);
            } else {
                synchronous.add(observer);
                if (observer.getTransactionPhase() != TransactionPhase.IN_PROGRESS) {
                    transactionPhase.add(observer);
                }
            }
        }
        this.synchronous = synchronous.toArray((ObserverMethod<? super Object>[]) NONE);
        this.transactionPhase = List.copyOf(transactionPhase);
        this.asynchronous = asynchronous.toArray((ObserverMethod<? super Object>[]) NONE);
        this.recorded = recorded.toArray((ObserverMethod<? super Object>[]) NONE);
        this.recordedNames = List.copyOf(recordedNames);
        this.forwarding = forwarding;
        this.recording = recording.of(recordedNames);
        List<String> before = new ArrayList<>(2);
        if (forwarding != null) {
            before.add(forwarding.receiverName);
        }
        if (this.recording != null) {
            before.add(this.recording.receiverName);
        }
        this.beforeReceivers = before.size();
        this.atOnceOnly = beforeReceivers == 0 && transactionPhase.isEmpty();
        this.synchronousNames = names(before, synchronous);
        this.asynchronousNames = names(before, asynchronous);
        this.meters = meters;
        this.event = recording.name();
        this.synchronousFailures = failureCounters(synchronousNames);
        this.asynchronousFailures = failureCounters(asynchronousNames);
        this.metadata = new Metadata(Set.of(qualifiers), runtimeType, injectionPoint);
        this.requestContext = RequestContextActivation.forImmediateDelivery();
    }

    private static List<String> names(List<String> before, List<ObserverMethod<? super Object>> receivers) {
        List<String> names = new ArrayList<>(before.size() + receivers.size());
        names.addAll(before);
        receivers.forEach(receiver -> names.add(ReceiverName.of(receiver)));
        return List.copyOf(names);
    }

    private EventCounter[] failureCounters(List<String> receivers) {
        if (meters == null) {
            return null;
        }
        EventCounter[] counters = new EventCounter[receivers.size()];
        for (int position = 0; position < counters.length; position++) {
            counters[position] = meters.receiverFailures(event, receivers.get(position));
        }
        return counters;
    }

    private static void countFailure(EventCounter[] failures, int position) {
        if (failures != null && failures[position] != null) {
            failures[position].increment();
        }
    }

    /**
     * Forwards the event and records the recorded receivers, then notifies the synchronous receivers in priority
     * order, as {@code Event.fire} does: while a transaction is active, those of a transaction phase are deferred to
     * it; without one they are notified at once with the others.
     *
     * @param failures told of the forwarder and the recorder (with no {@code ObserverMethod}) and of each receiver
     *        that throws, by its position in {@link #synchronousNames}
     */
    void notifySynchronous(Object payload, ReceiverFailureHandler failures) {
        if (atOnceOnly) {
            if (synchronous.length > 0) {
                notifyAtOnce(synchronous, NotifiedAtOnce.ALL, new Context(payload, metadata), failures,
                        synchronousFailures);
            }
            return;
        }
        forwardAndNotifySynchronous(payload, failures);
    }

    private void forwardAndNotifySynchronous(Object payload, ReceiverFailureHandler failures) {
        EventContext<Object> context = new Context(payload, metadata);
        int position = 0;
        if (forwarding != null) {
            try {
                forwarding.forward(payload);
            } catch (Throwable error) {
                countFailure(synchronousFailures, position);
                failures.failed(position, null, context, error);
            }
            position++;
        }
        if (recording != null) {
            try {
                recording.record(payload);
            } catch (Throwable error) {
                countFailure(synchronousFailures, position);
                failures.failed(position, null, context, error);
            }
        }
        if (synchronous.length == 0) {
            return;
        }
        NotifiedAtOnce notified = transactionPhase.isEmpty() ? NotifiedAtOnce.ALL
                : DeferredReceivers.deferIfTransactionActive(transactionPhase, context);
        notifyAtOnce(synchronous, notified, context, failures, synchronousFailures);
    }

    /**
     * Forwards the event of a {@code sendAsync} and records the recorded receivers, on the sender's thread, before
     * {@link AsyncDelivery} notifies the asynchronous receivers.
     *
     * @return what the forwarder or the recorder threw, as the failure of the one that threw it; {@code null} when
     *         neither threw
     */
    ReceiverFailure forward(Object payload) {
        if (forwarding != null) {
            try {
                forwarding.forward(payload);
            } catch (RuntimeException e) {
                countFailure(asynchronousFailures, 0);
                return new ReceiverFailure(forwarding.receiverName, e);
            }
        }
        if (recording != null) {
            try {
                recording.record(payload);
            } catch (RuntimeException e) {
                countFailure(asynchronousFailures, forwarding == null ? 0 : 1);
                return new ReceiverFailure(recording.receiverName, e);
            }
        }
        return null;
    }

    /**
     * Notifies one receiver, recorded or not, with the request context active, as a receiver deferred to a
     * transaction phase is: the delivery of a recorded receiver's record.
     *
     * @throws IllegalArgumentException when no receiver of that name observes the event
     */
    void notifyOne(String receiver, Object payload) {
        ObserverMethod<? super Object> observer = find(receiver);
        ManagedContext context = RequestContextActivation.forDeferredDelivery();
        boolean activated = RequestContextActivation.activateIfInactive(context);
        try {
            observer.notify(new Context(payload, metadata));
        } catch (RuntimeException | Error e) {
            EventCounter failures = meters == null ? null : meters.receiverFailures(event, receiver);
            if (failures != null) {
                failures.increment();
            }
            throw e;
        } finally {
            if (activated) {
                context.terminate();
            }
        }
    }

    private ObserverMethod<? super Object> find(String receiver) {
        int index = recordedNames.indexOf(receiver);
        if (index >= 0) {
            return recorded[index];
        }
        for (ObserverMethod<? super Object> observer : synchronous) {
            if (ReceiverName.of(observer).equals(receiver)) {
                return observer;
            }
        }
        throw new IllegalArgumentException("No receiver " + receiver + " observes this event with a "
                + runtimeType.getName() + " [receivers: " + String.join(", ", recordedNames)
                + (recordedNames.isEmpty() || synchronous.length == 0 ? "" : ", ")
                + String.join(", ", synchronousNames.subList(beforeReceivers, synchronousNames.size())) + "]");
    }

    /**
     * Notifies the asynchronous receivers in priority order, on the calling thread: the task that
     * {@link AsyncDelivery} runs on the container's executor.
     *
     * @param failures told of each receiver that throws, by its position in {@link #asynchronousNames}
     */
    void notifyAsynchronous(Object payload, ReceiverFailureHandler failures) {
        notifyAtOnce(asynchronous, NotifiedAtOnce.ALL, new Context(payload, metadata), failures, asynchronousFailures);
    }

    /**
     * @return whether the name has no receiver at all for this runtime type, synchronous or asynchronous (its
     *         forwarder is none)
     */
    boolean none() {
        return synchronous.length == 0 && asynchronous.length == 0;
    }

    private void notifyAtOnce(ObserverMethod<? super Object>[] receivers, NotifiedAtOnce notified,
            EventContext<Object> context, ReceiverFailureHandler failures, EventCounter[] failureCounters) {
        int firstPosition = beforeReceivers;
        boolean activated = RequestContextActivation.activateIfInactive(requestContext);
        try {
            for (int position = 0; position < receivers.length; position++) {
                ObserverMethod<? super Object> receiver = receivers[position];
                if (notified == NotifiedAtOnce.ALL || notified.includes(receiver)) {
                    try {
                        receiver.notify(context);
                    } catch (Throwable error) {
                        countFailure(failureCounters, firstPosition + position);
                        failures.failed(firstPosition + position, receiver, context, error);
                    }
                }
            }
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private record Context(Object getEvent, EventMetadata getMetadata) implements EventContext<Object> {
    }

    private record Metadata(Set<Annotation> getQualifiers, Type getType, InjectionPoint getInjectionPoint)
            implements
                EventMetadata {
    }
}
