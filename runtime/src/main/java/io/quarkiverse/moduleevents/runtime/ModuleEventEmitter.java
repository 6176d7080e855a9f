package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.BeanManager;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.ReceiverFailure;

/**
 * The emitter of one module. Every name's {@link Event} is selected once, on its first send, and kept: ArC's
 * {@code select()} returns an {@code Event} with an empty observer resolution cache, so selecting per send would
 * resolve the observers again on every event.
 */
public final class ModuleEventEmitter implements EventEmitter {

    private final ModuleDefinition module;
    private final EventDirectory directory;
    private final Map<String, String> names;
    private final Map<String, EventChannel> channels;
    /** {@code null} in production */
    private final SendListener listener;

    ModuleEventEmitter(EventDirectory directory, String moduleName, Event<Object> anyEvent, BeanManager beanManager,
            SendListener listener) {
        this.directory = directory;
        this.listener = listener;
        this.module = directory.module(moduleName);
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, EventChannel> channels = new HashMap<>();
        EventModule moduleQualifier = EventModule.Literal.of(moduleName);
        for (EventDefinition event : module.getEvents()) {
            names.put(event.getKey(), event.getName());
            channels.put(event.getName(), new EventChannel(event, moduleQualifier, anyEvent, beanManager));
        }
        this.names = Collections.unmodifiableMap(names);
        this.channels = channels;
    }

    @Override
    public String module() {
        return module.getName();
    }

    @Override
    public Map<String, String> names() {
        return names;
    }

    @Override
    public String name(String key) {
        String name = names.get(key);
        if (name == null) {
            String closest = key == null ? null : ClosestName.of(key, names.keySet());
            throw new IllegalArgumentException("Module '" + module.getName() + "' declares no key '" + key + "'"
                    + (closest == null ? "" : "; did you mean '" + closest + "'?")
                    + " [keys: " + String.join(", ", names.keySet()) + "; declared in "
                    + module.getDeclaringInterface() + "]");
        }
        return name;
    }

    @Override
    public void send(String name, Object payload) {
        EventChannel channel = channel(name).accept(payload);
        if (listener == null) {
            channel.event().fire(payload);
        } else {
            sendListened(channel, payload);
        }
    }

    private void sendListened(EventChannel channel, Object payload) {
        listener.sending(module.getName(), channel.definition.getName(), payload);
        List<String> receivers = channel.robustDelivery().receiverNames(payload, false);
        try {
            channel.event().fire(payload);
        } catch (RuntimeException | Error e) {
            ReceiverFailure failure = channel.robustDelivery().failureOf(payload, e);
            int failed = receivers.indexOf(failure.receiver());
            sent(channel, payload, failed < 0 ? receivers : receivers.subList(0, failed + 1), List.of(failure));
            throw e;
        }
        sent(channel, payload, receivers, List.of());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> CompletionStage<T> sendAsync(String name, T payload) {
        EventChannel channel = channel(name).accept(payload);
        if (listener == null) {
            return (CompletionStage<T>) channel.event().fireAsync(payload);
        }
        listener.sending(module.getName(), name, payload);
        List<String> receivers = channel.robustDelivery().receiverNames(payload, true);
        return ((CompletionStage<T>) channel.event().fireAsync(payload)).whenComplete((delivered, failure) -> sent(
                channel, payload, receivers,
                failure == null ? List.of() : channel.robustDelivery().failuresOf(payload, failure)));
    }

    @Override
    public List<ReceiverFailure> sendRobust(String name, Object payload) {
        EventChannel channel = channel(name).accept(payload);
        if (listener != null) {
            listener.sending(module.getName(), name, payload);
        }
        List<ReceiverFailure> failures = new ArrayList<>(0);
        channel.robustDelivery().deliver(payload, failures);
        List<ReceiverFailure> result = failures.isEmpty() ? List.of() : Collections.unmodifiableList(failures);
        if (listener != null) {
            sent(channel, payload, channel.robustDelivery().receiverNames(payload, false), result);
        }
        return result;
    }

    private void sent(EventChannel channel, Object payload, List<String> receivers, List<ReceiverFailure> failures) {
        listener.sent(module.getName(), channel.definition.getName(), payload, receivers, failures);
    }

    @Override
    public boolean hasReceivers(String name) {
        return channel(name).definition.isReceived();
    }

    @Override
    public String toString() {
        return "EventEmitter[module=" + module.getName() + "]";
    }

    private EventChannel channel(String name) {
        EventChannel channel = name == null ? null : channels.get(name);
        if (channel == null) {
            throw new IllegalArgumentException(undeclaredName(name));
        }
        return channel;
    }

    private String undeclaredName(String name) {
        String declaringModule = name == null ? null : directory.moduleDeclaring(name);
        String declared = " [names of module '" + module.getName() + "': " + String.join(", ", names.values()) + "]";
        if (declaringModule != null) {
            return "Event '" + name + "' is declared by module '" + declaringModule + "', not by module '"
                    + module.getName() + "': send it through that module's emitter, @Inject @EventModule(\""
                    + declaringModule + "\") EventEmitter" + declared;
        }
        String closest = name == null ? null : ClosestName.of(name, names.values());
        return "Module '" + module.getName() + "' does not declare the event '" + name + "'"
                + (closest == null ? "" : "; did you mean '" + closest + "'?")
                + declared + "; to send a new event, declare it as a constant of " + module.getDeclaringInterface();
    }

    /**
     * One event name of the module. Its {@code Event} and robust delivery are made on the first send of the name,
     * not at start-up, so that an application with thousands of declared events pays only for those it sends.
     * Two threads sending the name first may both make them; either result is equivalent, and both are safely
     * published through their final fields.
     */
    private static final class EventChannel {

        final EventDefinition definition;
        private final EventModule moduleQualifier;
        private final Event<Object> anyEvent;
        private final BeanManager beanManager;
        private Event<Object> event;
        private RobustDelivery robustDelivery;

        EventChannel(EventDefinition definition, EventModule moduleQualifier, Event<Object> anyEvent,
                BeanManager beanManager) {
            this.definition = definition;
            this.moduleQualifier = moduleQualifier;
            this.anyEvent = anyEvent;
            this.beanManager = beanManager;
        }

        Event<Object> event() {
            Event<Object> selected = event;
            if (selected == null) {
                selected = anyEvent.select(qualifiers());
                event = selected;
            }
            return selected;
        }

        RobustDelivery robustDelivery() {
            RobustDelivery delivery = robustDelivery;
            if (delivery == null) {
                delivery = new RobustDelivery(beanManager, qualifiers());
                robustDelivery = delivery;
            }
            return delivery;
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

        EventChannel accept(Object payload) {
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
