package io.quarkiverse.moduleevents.spi;

import java.lang.annotation.Annotation;

import jakarta.enterprise.event.Event;

/**
 * Fires declared events to this application's receivers on behalf of a sibling extension (the messaging bridge fires
 * the events it receives from a broker). A bean of the core extension: {@code @Inject DeclaredEventFiring firing}. Not
 * for applications, which send through their module's {@code EventEmitter}.
 */
public interface DeclaredEventFiring {

    /**
     * @param module the module that declares the event
     * @param name the event's name
     * @param additionalQualifiers qualifiers to fire the event with besides those of every send
     * @return the {@code Event} that fires the event with the qualifiers of every send ({@code @EventModule},
     *         {@code @Named} and those of the patterns that match the name) and the additional ones, so that what it
     *         fires reaches every receiver of the name, pattern receivers included
     * @throws IllegalArgumentException when the module does not declare the name
     */
    Event<Object> event(String module, String name, Annotation... additionalQualifiers);
}
