package io.quarkiverse.moduleevents.deployment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * Every module and event of the application, sorted by name, each name declared once.
 */
public final class DeclaredEventsBuildItem extends SimpleBuildItem {

    private final List<EventModuleBuildItem> modules;
    private final Map<String, EventModuleBuildItem> modulesByName;
    private final Map<String, DeclaredEvent> eventsByName;

    DeclaredEventsBuildItem(List<EventModuleBuildItem> modules) {
        List<EventModuleBuildItem> sorted = new ArrayList<>(modules);
        sorted.sort(Comparator.comparing(EventModuleBuildItem::name)
                .thenComparing(module -> module.declaringInterface().toString()));
        Map<String, EventModuleBuildItem> modulesByName = new TreeMap<>();
        Map<String, DeclaredEvent> eventsByName = new TreeMap<>();
        for (EventModuleBuildItem module : sorted) {
            modulesByName.putIfAbsent(module.name(), module);
            for (DeclaredEvent event : module.events()) {
                eventsByName.putIfAbsent(event.name(), event);
            }
        }
        this.modules = List.copyOf(sorted);
        this.modulesByName = Collections.unmodifiableMap(modulesByName);
        this.eventsByName = Collections.unmodifiableMap(eventsByName);
    }

    /**
     * @return every module, sorted by name; a module name declared twice (a build error) appears twice
     */
    public List<EventModuleBuildItem> modules() {
        return modules;
    }

    /**
     * @return the module of that name, {@code null} when none is declared
     */
    public EventModuleBuildItem module(String name) {
        return modulesByName.get(name);
    }

    /**
     * @return the sorted names of the declared modules
     */
    public Set<String> moduleNames() {
        return modulesByName.keySet();
    }

    /**
     * @return the event of that name, {@code null} when none is declared
     */
    public DeclaredEvent event(String name) {
        return eventsByName.get(name);
    }

    /**
     * @return the sorted names of every declared event
     */
    public Set<String> eventNames() {
        return eventsByName.keySet();
    }
}
