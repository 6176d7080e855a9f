package io.quarkiverse.moduleevents.runtime;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every declared module and event of the application, so that an emitter can tell a caller which module declares a
 * name it does not.
 */
public final class EventDirectory {

    private final Map<String, ModuleDefinition> modulesByName = new HashMap<>();
    private final Map<String, String> moduleByEventName = new HashMap<>();

    EventDirectory(List<ModuleDefinition> modules) {
        for (ModuleDefinition module : modules) {
            modulesByName.put(module.getName(), module);
            for (EventDefinition event : module.getEvents()) {
                moduleByEventName.put(event.getName(), module.getName());
            }
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
     * @return the module that declares the event, or {@code null} when none does
     */
    String moduleDeclaring(String eventName) {
        return moduleByEventName.get(eventName);
    }
}
