package io.quarkiverse.moduleevents.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UnknownEventException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UnreachableObserverException;
import io.quarkiverse.moduleevents.runtime.ClosestName;

/**
 * Checks rules 4 and 5 on the observers of module events: what they observe is declared, and they can be called.
 */
final class ObserverRules {

    private final DeclaredEventsBuildItem declared;
    private final PayloadTypes payloadTypes;
    private final Consumer<ModuleEventsDeploymentException> problems;

    ObserverRules(DeclaredEventsBuildItem declared, PayloadTypes payloadTypes,
            Consumer<ModuleEventsDeploymentException> problems) {
        this.declared = declared;
        this.payloadTypes = payloadTypes;
        this.problems = problems;
    }

    void check(ModuleEventObserver observed) {
        if (observed.pattern != null) {
            checkPatternObserver(observed);
        } else if (NamePatterns.isEventName(observed.name)) {
            checkNamedObserver(observed);
        } else if (observed.module != null) {
            checkModuleObserver(observed);
        }
    }

    private void checkNamedObserver(ModuleEventObserver observed) {
        DeclaredEvent event = declared.event(observed.name);
        if (event == null) {
            problems.accept(new UnknownEventException("Observer observes an event that no module declares: '"
                    + observed.name + "' [method: " + observed.method() + "]; "
                    + Objects.requireNonNullElse(ClosestName.didYouMean(observed.name, declared.eventNames()),
                            "declare it as a String constant of an @EventModule interface")));
            return;
        }
        if (observed.module != null && !observed.module.equals(event.module())) {
            problems.accept(new UnreachableObserverException("Observer can never be called: it observes '"
                    + observed.name + "' of module '" + observed.module + "', but that event belongs to module '"
                    + event.module() + "' [method: " + observed.method() + "]; remove @EventModule(\""
                    + observed.module + "\") from the observed parameter"));
            return;
        }
        if (!payloadTypes.canReceive(observed.observedType(), event.payloadType())) {
            problems.accept(new UnreachableObserverException("Observer's observed type can never receive the payload"
                    + " of '" + event.name() + "': it observes " + observed.observedType() + ", but the event carries "
                    + event.payloadType() + " [method: " + observed.method() + ", @Payload on " + event.member()
                    + "]; observe " + event.payloadType() + " or one of its supertypes"));
        }
    }

    private void checkPatternObserver(ModuleEventObserver observed) {
        if (!NamePatterns.isWellFormed(observed.pattern)) {
            problems.accept(new UnknownEventException("Observer observes a malformed pattern: '" + observed.pattern
                    + "' [method: " + observed.method() + "]; * stands for exactly one whole segment, as in"
                    + " 'user:*:created'"));
            return;
        }
        List<DeclaredEvent> matched = new ArrayList<>();
        for (String name : declared.eventNames()) {
            if (NamePatterns.matches(observed.pattern, name)) {
                matched.add(declared.event(name));
            }
        }
        if (matched.isEmpty()) {
            problems.accept(new UnknownEventException("Observer observes a pattern that matches no declared event: '"
                    + observed.pattern + "' [method: " + observed.method() + "]; "
                    + closestNames(observed.pattern)));
            return;
        }
        for (DeclaredEvent event : matched) {
            if (observed.canReceive(event, payloadTypes)) {
                return;
            }
        }
        problems.accept(new UnreachableObserverException("Observer can never be called: no event that its pattern '"
                + observed.pattern + "' matches can reach it [method: " + observed.method() + ", observed type: "
                + observed.observedType() + ", matched events: "
                + matched.stream().map(event -> event.name() + " (" + event.payloadType() + ")")
                        .collect(Collectors.joining(", "))
                + "]; observe a supertype of their payloads"
                + (observed.module != null ? ", and the @EventModule of their module" : "")));
    }

    private String closestNames(String pattern) {
        List<String> closest = ClosestName.ranked(pattern.replace(NamePatterns.WILDCARD, ""), declared.eventNames(), 3);
        return closest.isEmpty() ? "declare the events it should match in an @EventModule interface"
                : "the closest declared names are " + closest.stream().map(name -> "'" + name + "'")
                        .collect(Collectors.joining(", "));
    }

    private void checkModuleObserver(ModuleEventObserver observed) {
        EventModuleBuildItem module = declared.module(observed.module);
        if (module == null) {
            problems.accept(new UnknownEventException("Observer observes a module that no interface declares: '"
                    + observed.module + "' [method: " + observed.method() + "]; "
                    + Objects.requireNonNullElse(ClosestName.didYouMean(observed.module, declared.moduleNames()),
                            "declare it with @EventModule(\"" + observed.module + "\") on an interface")));
            return;
        }
        List<String> payloadTypesOfModule = new ArrayList<>();
        for (DeclaredEvent event : module.events()) {
            if (payloadTypes.canReceive(observed.observedType(), event.payloadType())) {
                return;
            }
            payloadTypesOfModule.add(event.payloadType().toString());
        }
        if (!module.events().isEmpty()) {
            problems.accept(new UnreachableObserverException("Observer's observed type can never receive a payload"
                    + " of module '" + module.name() + "': it observes " + observed.observedType()
                    + ", but the module's events carry " + String.join(", ", payloadTypesOfModule) + " [method: "
                    + observed.method() + "]; observe Object, or a supertype of the payloads it should receive"));
        }
    }
}
