package io.quarkiverse.moduleevents.deployment;

import java.util.List;

import org.jboss.jandex.DotName;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * One {@code @EventModule} interface found in the application index, with the events it declares in declaration
 * order. Constants that break a declaration rule are left out; the problem is reported through an
 * {@link ModuleEventsProblemBuildItem}.
 */
public final class EventModuleBuildItem extends MultiBuildItem {

    private final String name;
    private final DotName declaringInterface;
    private final boolean emitterInterface;
    private final List<DeclaredEvent> events;

    EventModuleBuildItem(String name, DotName declaringInterface, boolean emitterInterface, List<DeclaredEvent> events) {
        this.name = name;
        this.declaringInterface = declaringInterface;
        this.emitterInterface = emitterInterface;
        this.events = List.copyOf(events);
    }

    /**
     * @return the module's name, the value of its {@code @EventModule}
     */
    public String name() {
        return name;
    }

    /**
     * @return the interface that declares the module
     */
    public DotName declaringInterface() {
        return declaringInterface;
    }

    /**
     * @return whether the interface extends {@code EventEmitter}, and so is injectable as the module's emitter
     */
    public boolean emitterInterface() {
        return emitterInterface;
    }

    /**
     * @return the module's valid events, in declaration order
     */
    public List<DeclaredEvent> events() {
        return events;
    }
}
