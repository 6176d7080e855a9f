package io.quarkiverse.moduleevents.runtime;

import java.util.List;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * One declared module with its events in declaration order, as the build recorded it.
 */
public final class ModuleDefinition {

    private final String name;
    private final String declaringInterface;
    private final List<EventDefinition> events;

    @RecordableConstructor
    public ModuleDefinition(String name, String declaringInterface, List<EventDefinition> events) {
        this.name = name;
        this.declaringInterface = declaringInterface;
        this.events = List.copyOf(events);
    }

    public String getName() {
        return name;
    }

    public String getDeclaringInterface() {
        return declaringInterface;
    }

    public List<EventDefinition> getEvents() {
        return events;
    }
}
