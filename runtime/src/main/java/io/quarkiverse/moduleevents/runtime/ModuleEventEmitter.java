package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.ReceiverFailure;

/**
 * The emitter of one module: it finds the {@link EventDispatcher} of a name, which checks the payload and notifies the
 * name's receivers.
 */
public final class ModuleEventEmitter implements EventEmitter {

    private final ModuleDefinition module;
    private final EventDirectory directory;
    private final Map<String, EventDispatcher> dispatchers;
    private Map<String, String> names;

    ModuleEventEmitter(EventDirectory directory, String moduleName, Event<Object> anyEvent, BeanManager beanManager,
            SendListener listener) {
        this.directory = directory;
        this.module = directory.module(moduleName);
        ReceiverResolver resolver = new ReceiverResolver(moduleName, anyEvent, beanManager);
        Map<String, EventDispatcher> dispatchers = new HashMap<>();
        for (EventDefinition event : module.getEvents()) {
            dispatchers.put(event.getName(), new EventDispatcher(event, resolver, listener));
        }
        this.dispatchers = dispatchers;
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
        dispatcher(name).send(payload);
    }

    @Override
    public <T> CompletionStage<T> sendAsync(String name, T payload) {
        return dispatcher(name).sendAsync(payload);
    }

    @Override
    public List<ReceiverFailure> sendRobust(String name, Object payload) {
        return dispatcher(name).sendRobust(payload);
    }

    @Override
    public boolean hasReceivers(String name) {
        return dispatcher(name).definition().isReceived();
    }

    @Override
    public String toString() {
        return "EventEmitter[module=" + module.getName() + "]";
    }

    private EventDispatcher dispatcher(String name) {
        EventDispatcher dispatcher = name == null ? null : dispatchers.get(name);
        if (dispatcher == null) {
            throw new IllegalArgumentException(undeclaredName(name));
        }
        return dispatcher;
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
        return dispatcher(name).event(additionalQualifiers);
    }
}
