package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;

import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.spi.DeclaredEventFiring;
import io.quarkus.arc.Arc;

/**
 * Fires a declared name through CDI's {@code Event}, with the qualifiers and the injection point that the module's
 * emitter gives the name's receivers.
 */
@Singleton
public class EmitterEventFiring implements DeclaredEventFiring {

    @Override
    public Event<Object> event(String module, String name, Annotation... additionalQualifiers) {
        ModuleEventEmitter emitter = (ModuleEventEmitter) Arc.container()
                .select(EventEmitter.class, EventModule.Literal.of(module)).get();
        return emitter.event(name, additionalQualifiers);
    }
}
