package io.quarkiverse.moduleevents.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every declared module of the application, so that an emitter can tell a caller which module declares a name it
 * does not.
 */
public final class EventDirectory {

    private final Map<String, ModuleDefinition> modulesByName = new HashMap<>();

    EventDirectory(List<ModuleDefinition> modules) {
        for (ModuleDefinition module : modules) {
            modulesByName.put(module.getName(), module);
        }
    }

    ModuleDefinition module(String name) {
        ModuleDefinition module = modulesByName.get(name);
        if (module == null) {
            throw new IllegalStateException("No module '" + name + "' was recorded at build time");
        }
        return module;
    }

    /**
     * Searches every module, since it serves error messages alone: a table of every name would cost heap in every
     * application for the sake of its mistakes.
     *
     * @return the module that declares the event, or {@code null} when none does
     */
    String moduleDeclaring(String eventName) {
        for (ModuleDefinition module : modulesByName.values()) {
            for (EventDefinition event : module.getEvents()) {
                if (event.getName().equals(eventName)) {
                    return module.getName();
                }
            }
        }
        return null;
    }
}
