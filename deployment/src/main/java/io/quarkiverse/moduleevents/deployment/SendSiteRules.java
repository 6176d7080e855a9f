package io.quarkiverse.moduleevents.deployment;

import java.util.List;
import java.util.function.Consumer;

import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UndeclaredEventSentException;
import io.quarkiverse.moduleevents.runtime.ClosestName;

/**
 * Checks that every constant name passed to an emitter is declared by the emitter's module.
 */
final class SendSiteRules {

    private final DeclaredEventsBuildItem declared;
    private final Consumer<ModuleEventsDeploymentException> problems;

    SendSiteRules(DeclaredEventsBuildItem declared, Consumer<ModuleEventsDeploymentException> problems) {
        this.declared = declared;
        this.problems = problems;
    }

    void check(SendSite site) {
        DeclaredEvent event = declared.event(site.eventName());
        if (site.module() == null) {
            if (event == null) {
                problems.accept(new UndeclaredEventSentException("Emitter call names an event that no module"
                        + " declares: '" + site.eventName() + "' [" + site.location() + "]; "
                        + hint(site.eventName(), List.copyOf(declared.eventNames()))));
            }
            return;
        }
        EventModuleBuildItem module = declared.module(site.module());
        if (module == null || (event != null && event.module().equals(site.module()))) {
            return;
        }
        if (event != null) {
            problems.accept(new UndeclaredEventSentException("Emitter call names an event of another module: '"
                    + site.eventName() + "' is declared by module '" + event.module() + "', but the emitter is module '"
                    + site.module() + "''s [" + site.location() + "]; send it through @Inject @EventModule(\""
                    + event.module() + "\") EventEmitter"));
            return;
        }
        List<String> names = module.events().stream().map(DeclaredEvent::name).toList();
        problems.accept(new UndeclaredEventSentException("Emitter call names an event that module '" + site.module()
                + "' does not declare: '" + site.eventName() + "' [" + site.location() + "]; "
                + hint(site.eventName(), names)));
    }

    private static String hint(String name, List<String> candidates) {
        String closest = ClosestName.of(name, candidates);
        return closest != null ? "did you mean '" + closest + "'?"
                : "declare it as a String constant of the module's @EventModule interface";
    }
}
