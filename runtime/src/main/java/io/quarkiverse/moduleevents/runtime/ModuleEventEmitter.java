package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.ReceiverFailure;

/**
 * The emitter of one module. Every name's receivers are resolved once, on its first send, and kept: {@code send}
 * notifies them directly (see {@link SynchronousReceivers}), and the other methods fire through an {@link Event}
 * selected once, since ArC's {@code select()} returns an {@code Event} with an empty observer resolution cache.
 */
public final class ModuleEventEmitter implements EventEmitter {

    private final ModuleDefinition module;
    private final EventDirectory directory;
    private final EventModule moduleQualifier;
    private final Event<Object> anyEvent;
    private final BeanManager beanManager;
    private final Map<String, NamedEvent> namedEvents;
    private Map<String, String> names;
    /** {@code null} in production */
    private final SendListener listener;
    private InjectionPoint injectionPoint;

    ModuleEventEmitter(EventDirectory directory, String moduleName, Event<Object> anyEvent, BeanManager beanManager,
            SendListener listener) {
        this.directory = directory;
        this.anyEvent = anyEvent;
        this.beanManager = beanManager;
        this.listener = listener;
        this.module = directory.module(moduleName);
        this.moduleQualifier = EventModule.Literal.of(moduleName);
        Map<String, NamedEvent> namedEvents = new HashMap<>();
        for (EventDefinition event : module.getEvents()) {
            namedEvents.put(event.getName(), new NamedEvent(event));
        }
        this.namedEvents = namedEvents;
    }

    /**
     * @return the injection point of this emitter's {@code Event}, as the observers' {@code EventMetadata} reports
     *         it; resolved on first use, when the emitter's bean exists
     */
    private InjectionPoint injectionPoint() {
        InjectionPoint resolved = injectionPoint;
        if (resolved == null) {
            resolved = new EmitterInjectionPoint(
                    beanManager.resolve(beanManager.getBeans(EventEmitter.class, moduleQualifier)));
            injectionPoint = resolved;
        }
        return resolved;
    }

    @Override
    public String module() {
        return module.getName();
    }

    /**
     * @return the keys and names, made on the first call: sending never needs them, and an application with thousands
     *         of declared events would otherwise keep a second table of them
     */
    @Override
    public Map<String, String> names() {
        Map<String, String> table = names;
        if (table == null) {
            Map<String, String> keysToNames = new LinkedHashMap<>();
            for (EventDefinition event : module.getEvents()) {
                keysToNames.put(event.getKey(), event.getName());
            }
            table = Collections.unmodifiableMap(keysToNames);
            names = table;
        }
        return table;
    }

    @Override
    public String name(String key) {
        Map<String, String> names = names();
        String name = names.get(key);
        if (name == null) {
            String hint = ClosestName.didYouMean(key, names.keySet());
            throw new IllegalArgumentException("Module '" + module.getName() + "' declares no key '" + key + "'"
                    + (hint == null ? "" : "; " + hint)
                    + " [keys: " + String.join(", ", names.keySet()) + "; declared in "
                    + module.getDeclaringInterface() + "]");
        }
        return name;
    }

    @Override
    public void send(String name, Object payload) {
        NamedEvent namedEvent = namedEvent(name).accept(payload);
        if (listener == null) {
            namedEvent.deliver(payload);
        } else {
            sendListened(namedEvent, payload);
        }
    }

    private void sendListened(NamedEvent namedEvent, Object payload) {
        listener.sending(module.getName(), namedEvent.definition.getName(), payload);
        List<String> receivers = namedEvent.receiverNames().receiverNames(payload, false);
        try {
            namedEvent.deliver(payload);
        } catch (RuntimeException | Error e) {
            ReceiverFailure failure = namedEvent.receiverNames().failureOf(payload, e);
            int failed = receivers.indexOf(failure.receiver());
            sent(namedEvent, payload, failed < 0 ? receivers : receivers.subList(0, failed + 1), List.of(failure));
            throw e;
        }
        sent(namedEvent, payload, receivers, List.of());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> sendAsync(String name, T payload) {
        NamedEvent namedEvent = namedEvent(name).accept(payload);
        if (listener == null) {
            return (CompletionStage<T>) namedEvent.event().fireAsync(payload);
        }
        listener.sending(module.getName(), name, payload);
        List<String> receivers = namedEvent.receiverNames().receiverNames(payload, true);
        return ((CompletionStage<T>) namedEvent.event().fireAsync(payload)).whenComplete((delivered, failure) -> sent(
                namedEvent, payload, receivers,
                failure == null ? List.of() : namedEvent.receiverNames().failuresOf(payload, failure)));
    }

    @Override
    public List<ReceiverFailure> sendRobust(String name, Object payload) {
        NamedEvent namedEvent = namedEvent(name).accept(payload);
        if (listener != null) {
            listener.sending(module.getName(), name, payload);
        }
        List<ReceiverFailure> failures = new ArrayList<>(0);
        namedEvent.receivers(payload).notifyEach(payload, failures);
        List<ReceiverFailure> result = failures.isEmpty() ? List.of() : Collections.unmodifiableList(failures);
        if (listener != null) {
            sent(namedEvent, payload, namedEvent.receiverNames().receiverNames(payload, false), result);
        }
        return result;
    }

    private void sent(NamedEvent namedEvent, Object payload, List<String> receivers, List<ReceiverFailure> failures) {
        listener.sent(module.getName(), namedEvent.definition.getName(), payload, receivers, failures);
    }

    @Override
    public boolean hasReceivers(String name) {
        return namedEvent(name).definition.isReceived();
    }

    @Override
    public String toString() {
        return "EventEmitter[module=" + module.getName() + "]";
    }

    private NamedEvent namedEvent(String name) {
        NamedEvent namedEvent = name == null ? null : namedEvents.get(name);
        if (namedEvent == null) {
            throw new IllegalArgumentException(undeclaredName(name));
        }
        return namedEvent;
    }

    private String undeclaredName(String name) {
        String declaringModule = name == null ? null : directory.moduleDeclaring(name);
        String declared = " [names of module '" + module.getName() + "': " + String.join(", ", names().values()) + "]";
        if (declaringModule != null) {
            return "Event '" + name + "' is declared by module '" + declaringModule + "', not by module '"
                    + module.getName() + "': send it through that module's emitter, @Inject @EventModule(\""
                    + declaringModule + "\") EventEmitter" + declared;
        }
        String hint = ClosestName.didYouMean(name, names().values());
        return "Module '" + module.getName() + "' does not declare the event '" + name + "'"
                + (hint == null ? "" : "; " + hint)
                + declared + "; to send a new event, declare it as a constant of " + module.getDeclaringInterface();
    }

    /**
     * @return the {@code Event} this emitter fires a name with, selected with further qualifiers, for
     *         {@link EmitterEventFiring}
     * @throws IllegalArgumentException when the module does not declare the name
     */
    Event<Object> event(String name, Annotation... additionalQualifiers) {
        NamedEvent namedEvent = namedEvent(name);
        return namedEvent.event().select(additionalQualifiers);
    }

    /**
     * One event name of the module. Its {@code Event} and its receivers are resolved on the first send of the name,
     * not at start-up, so that an application with thousands of declared events pays only for those it sends. Two
     * threads sending the name first may both resolve them; either result is equivalent, and both are safely
     * published through their final fields.
     */
    private final class NamedEvent {

        final EventDefinition definition;
        private Event<Object> event;
        private SynchronousReceivers lastReceivers;
        private ConcurrentMap<Class<?>, SynchronousReceivers> receiversByRuntimeType;

        NamedEvent(EventDefinition definition) {
            this.definition = definition;
        }

        void deliver(Object payload) {
            SynchronousReceivers receivers = receivers(payload);
            if (receivers.firedThroughCdi()) {
                event().fire(payload);
            } else {
                receivers.notifyUntilFirstFailure(payload);
            }
        }

        /**
         * @return the receivers for the payload's runtime type; like ArC's notifier cache, the last type's are at
         *         hand, others are looked up
         */
        SynchronousReceivers receivers(Object payload) {
            SynchronousReceivers receivers = lastReceivers;
            if (receivers != null && receivers.runtimeType == payload.getClass()) {
                return receivers;
            }
            ConcurrentMap<Class<?>, SynchronousReceivers> byType = receiversByRuntimeType;
            if (byType == null) {
                byType = new ConcurrentHashMap<>(2);
                receiversByRuntimeType = byType;
            }
            receivers = byType.computeIfAbsent(payload.getClass(),
                    type -> new SynchronousReceivers(beanManager, payload, qualifiers(), injectionPoint()));
            lastReceivers = receivers;
            return receivers;
        }

        Event<Object> event() {
            Event<Object> selected = event;
            if (selected == null) {
                selected = anyEvent.select(qualifiers());
                event = selected;
            }
            return selected;
        }

        ReceiverNames receiverNames() {
            return new ReceiverNames(beanManager, qualifiers());
        }

        private Annotation[] qualifiers() {
            List<Annotation> qualifiers = new ArrayList<>();
            qualifiers.add(moduleQualifier);
            qualifiers.add(NamedLiteral.of(definition.getName()));
            qualifiers.add(Any.Literal.INSTANCE);
            for (String pattern : definition.getPatterns()) {
                qualifiers.add(new NamePattern.Literal(pattern));
            }
            return qualifiers.toArray(new Annotation[0]);
        }

        NamedEvent accept(Object payload) {
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
            return this;
        }
    }
}
