package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.ObserverMethod;

import io.quarkiverse.moduleevents.ReceiverFailure;

/**
 * Sends one event name of a module: checks the payload, notifies the name's receivers, and tells the
 * {@link SendListener} (test and dev mode) which receivers ran and which threw.
 * <p>
 * The receivers are resolved once for each runtime type of the payload, on its first send, and kept in a small
 * array, most recently resolved first: a name is almost always sent with one or two runtime types, and an
 * application with thousands of declared names pays only for those it sends. Two threads sending a new type at once
 * may both resolve it and one resolution may be lost; either is equivalent, and it is resolved again on a later send.
 */
final class EventDispatcher {

    private static final ResolvedReceivers[] NONE_RESOLVED = new ResolvedReceivers[0];

    private final EventDefinition definition;
    private final String name;
    private final ReceiverResolver resolver;
    /** {@code null} in production */
    private final SendListener listener;
    /** {@code null} without a metrics extension */
    private final EventCounter sent;
    /**
     * {@code null} until the first send, as every field that is not final: {@link ModuleEventEmitter} publishes a
     * dispatcher through a data race
     */
    private volatile ResolvedReceivers[] resolved;
    /** {@code null} until a sibling extension fires the name */
    private volatile Map<FiredWith, ResolvedReceivers> fired;

    EventDispatcher(EventDefinition definition, ReceiverResolver resolver, SendListener listener) {
        this.definition = definition;
        this.name = definition.getName();
        this.resolver = resolver;
        this.listener = listener;
        this.sent = resolver.sentCounter(definition);
    }

    EventDefinition definition() {
        return definition;
    }

    String name() {
        return name;
    }

    void send(Object payload) {
        ResolvedReceivers receivers = receivers(payload);
        countSent();
        if (listener == null) {
            receivers.notifySynchronous(payload, ReceiverFailureHandler.RETHROW);
        } else {
            sendListened(receivers, payload);
        }
    }

    private void sendListened(ResolvedReceivers receivers, Object payload) {
        listener.sending(resolver.module(), definition.getName(), payload);
        FirstFailure firstFailure = new FirstFailure();
        try {
            receivers.notifySynchronous(payload, firstFailure);
        } catch (RuntimeException | Error e) {
            List<String> names = receivers.synchronousNames;
            int failed = firstFailure.position;
            if (failed < 0) {
                // thrown around the receivers (by the transaction manager or the request context), by none of them
                sent(payload, names, List.of(new ReceiverFailure("unknown receiver", e)));
            } else {
                sent(payload, names.subList(0, failed + 1), List.of(new ReceiverFailure(names.get(failed), e)));
            }
            throw e;
        }
        sent(payload, receivers.synchronousNames, List.of());
    }

    List<ReceiverFailure> sendRobust(Object payload) {
        ResolvedReceivers receivers = receivers(payload);
        countSent();
        if (listener != null) {
            listener.sending(resolver.module(), definition.getName(), payload);
        }
        EveryFailure failures = new EveryFailure(receivers.synchronousNames);
        receivers.notifySynchronous(payload, failures);
        List<ReceiverFailure> result = failures.collected();
        if (listener != null) {
            sent(payload, receivers.synchronousNames, result);
        }
        return result;
    }

    <T> CompletionStage<T> sendAsync(T payload) {
        ResolvedReceivers receivers = receivers(payload);
        countSent();
        if (listener != null) {
            listener.sending(resolver.module(), definition.getName(), payload);
        }
        ReceiverFailure beforeReceivers = receivers.forward(payload);
        if (beforeReceivers != null) {
            if (listener != null) {
                sent(payload, List.of(beforeReceivers.receiver()), List.of(beforeReceivers));
            }
            return AsyncDelivery.failed((RuntimeException) beforeReceivers.error());
        }
        if (listener == null) {
            return AsyncDelivery.start(payload, receivers, null);
        }
        return AsyncDelivery.start(payload, receivers,
                failures -> sent(payload, receivers.asynchronousNames, failures));
    }

    /**
     * The receivers of the name fired by a sibling extension with further qualifiers, for {@link EmitterEventFiring}:
     * resolved once for each runtime type and set of qualifiers.
     */
    ResolvedReceivers firedReceivers(Object payload, List<Annotation> additionalQualifiers) {
        accept(payload);
        Map<FiredWith, ResolvedReceivers> known = fired;
        if (known == null) {
            known = new ConcurrentHashMap<>();
            fired = known;
        }
        return known.computeIfAbsent(new FiredWith(payload.getClass(), additionalQualifiers),
                key -> resolver.resolveFired(definition, payload, additionalQualifiers));
    }

    private void countSent() {
        if (sent != null) {
            sent.increment();
        }
    }

    private void sent(Object payload, List<String> receivers, List<ReceiverFailure> failures) {
        listener.sent(resolver.module(), definition.getName(), payload, receivers, failures);
    }

    /**
     * A runtime type among those resolved has passed {@link #accept(Object)} before it was resolved, so a payload of
     * that type needs no further check: only a payload of a new type, or {@code null}, is checked.
     */
    private ResolvedReceivers receivers(Object payload) {
        ResolvedReceivers[] known = resolved;
        if (payload != null && known != null) {
            Class<?> runtimeType = payload.getClass();
            for (ResolvedReceivers receivers : known) {
                if (receivers.runtimeType == runtimeType) {
                    return receivers;
                }
            }
        }
        return resolve(payload);
    }

    private ResolvedReceivers resolve(Object payload) {
        accept(payload);
        ResolvedReceivers[] known = resolved;
        if (known == null) {
            known = NONE_RESOLVED;
        }
        ResolvedReceivers receivers = resolver.resolve(definition, payload);
        ResolvedReceivers[] updated = new ResolvedReceivers[known.length + 1];
        updated[0] = receivers;
        System.arraycopy(known, 0, updated, 1, known.length);
        resolved = updated;
        return receivers;
    }

    private void accept(Object payload) {
        if (payload == null) {
            throw new IllegalArgumentException("Event '" + definition.getName() + "' needs a payload: pass "
                    + (definition.getPayloadType() == null ? "any object"
                            : "a " + definition.getPayloadType().getName())
                    + ", not null");
        }
        Class<?> payloadType = definition.getPayloadType();
        if (payloadType != null && !payloadType.isInstance(payload)) {
            throw new IllegalArgumentException("Event '" + definition.getName() + "' carries a "
                    + payloadType.getName() + " (its @Payload), not a " + payload.getClass().getName()
                    + ": pass a " + payloadType.getName() + ", or change the event's @Payload");
        }
    }

    private record FiredWith(Class<?> runtimeType, List<Annotation> additionalQualifiers) {
    }

    /** Collects what every receiver that throws threw, and goes on with the next receiver. */
    private static final class EveryFailure implements ReceiverFailureHandler {

        private final List<String> names;
        private List<ReceiverFailure> failures;

        EveryFailure(List<String> names) {
            this.names = names;
        }

        @Override
        public void failed(int position, ObserverMethod<?> receiver, EventContext<?> context, Throwable error) {
            if (failures == null) {
                failures = new ArrayList<>(2);
            }
            failures.add(new ReceiverFailure(names.get(position), error));
        }

        List<ReceiverFailure> collected() {
            return failures == null ? List.of() : Collections.unmodifiableList(failures);
        }
    }

    /** Remembers which receiver threw, and stops the delivery with it. */
    private static final class FirstFailure implements ReceiverFailureHandler {

        int position = -1;

        @Override
        public void failed(int position, ObserverMethod<?> receiver, EventContext<?> context, Throwable error) {
            this.position = position;
            RETHROW.failed(position, receiver, context, error);
        }
    }
}
