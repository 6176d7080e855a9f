package io.quarkiverse.moduleevents.deployment;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.jboss.jandex.ClassType;
import org.jboss.jandex.DotName;

import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.IncompatiblePayloadSentException;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.UndeclaredEventSentException;
import io.quarkiverse.moduleevents.runtime.ClosestName;

/**
 * Checks that every constant name passed to an emitter is declared by the emitter's module, and that the payload
 * argument's static type, where the bytecode tells it, can be an instance of the event's {@code @Payload} type.
 */
final class SendSiteRules {

    private final DeclaredEventsBuildItem declared;
    private final PayloadTypes payloadTypes;
    private final Consumer<ModuleEventsDeploymentException> problems;

    SendSiteRules(DeclaredEventsBuildItem declared, PayloadTypes payloadTypes,
            Consumer<ModuleEventsDeploymentException> problems) {
        this.declared = declared;
        this.payloadTypes = payloadTypes;
        this.problems = problems;
    }

    void check(SendSite site) {
        DeclaredEvent event = declared.event(site.eventName());
        checkName(site, event);
        if (event != null) {
            checkPayload(site, event);
        }
    }

    private void checkPayload(SendSite site, DeclaredEvent event) {
        DotName declaredType = event.payloadType();
        if (site.payloadType() == null || declaredType == null
                || payloadTypes.canReceive(ClassType.create(DotName.createSimple(site.payloadType())), declaredType)) {
            return;
        }
        problems.accept(new IncompatiblePayloadSentException("Emitter call passes a payload that can never be the"
                + " event's payload type: '" + site.eventName() + "' declares @Payload(" + declaredType
                + ".class), the call passes " + site.payloadType() + " [" + site.location() + "]; pass a "
                + declaredType.withoutPackagePrefix() + ", or change the @Payload of " + event.member()));
    }

    private void checkName(SendSite site, DeclaredEvent event) {
        if (site.module() == null) {
            if (event == null) {
                problems.accept(new UndeclaredEventSentException("Emitter call names an event that no module"
                        + " declares: '" + site.eventName() + "' [" + site.location() + "]; "
                        + hint(site.eventName(), declared.eventNames())));
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

    private static String hint(String name, Collection<String> candidates) {
        return Objects.requireNonNullElse(ClosestName.didYouMean(name, candidates),
                "declare it as a String constant of the module's @EventModule interface");
    }
}
