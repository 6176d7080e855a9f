package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;

import jakarta.enterprise.event.Event;
import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.spi.DeclaredEventFiring;
import io.quarkus.arc.Arc;

/**
 * Fires through the module's emitter, which resolves the name's qualifiers and {@code Event} once.
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
