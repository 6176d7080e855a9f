package io.quarkiverse.moduleevents.runtime;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.ReceiverFailure;

/**
 * The base of the generated beans that make a module interface extending {@link EventEmitter} injectable: each
 * delegates to the module's one emitter.
 */
public abstract class DelegatingEventEmitter implements EventEmitter {

    private final EventEmitter delegate;

    protected DelegatingEventEmitter(EventEmitter delegate) {
        this.delegate = delegate;
    }

    @Override
    public String module() {
        return delegate.module();
    }

    @Override
    public Map<String, String> names() {
        return delegate.names();
    }

    @Override
    public String name(String key) {
        return delegate.name(key);
    }

    @Override
    public void send(String name, Object payload) {
        delegate.send(name, payload);
    }

    @Override
    public <T> CompletionStage<T> sendAsync(String name, T payload) {
        return delegate.sendAsync(name, payload);
    }

    @Override
    public List<ReceiverFailure> sendRobust(String name, Object payload) {
        return delegate.sendRobust(name, payload);
    }

    @Override
    public boolean hasReceivers(String name) {
        return delegate.hasReceivers(name);
    }

    @Override
    public String toString() {
        return delegate.toString();
    }
}
