package io.quarkiverse.moduleevents.deployment;

import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.ANY;
import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.EVENT_MODULE;
import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.NAMED;

import java.util.stream.Collectors;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkus.arc.processor.ObserverInfo;

/**
 * What one observer method observes, in the terms of module events: an event name, a module, both or neither.
 */
final class ObservedEvent {

    final ObserverInfo observer;
    final String name;
    final String module;
    /** whether the observer requires a qualifier that module events never carry, such as {@code @Default} */
    final boolean foreignQualifier;

    ObservedEvent(ObserverInfo observer) {
        this.observer = observer;
        String name = null;
        String module = null;
        boolean foreignQualifier = false;
        for (AnnotationInstance qualifier : observer.getQualifiers()) {
            if (qualifier.name().equals(NAMED)) {
                name = qualifier.value() == null ? "" : qualifier.value().asString();
            } else if (qualifier.name().equals(EVENT_MODULE)) {
                module = qualifier.value().asString();
            } else if (!qualifier.name().equals(ANY)) {
                foreignQualifier = true;
            }
        }
        this.name = name;
        this.module = module;
        this.foreignQualifier = foreignQualifier;
    }

    /**
     * @return whether the observer takes part in module events: it observes an event name or a module
     */
    boolean isModuleEventObserver() {
        return (name != null && name.indexOf(':') >= 0) || module != null;
    }

    /**
     * @return whether the observer's qualifiers match an event fired with {@code @EventModule(module)} and
     *         {@code @Named(eventName)}
     */
    boolean matchesQualifiers(String eventModule, String eventName) {
        return !foreignQualifier && (name == null || name.equals(eventName))
                && (module == null || module.equals(eventModule));
    }

    Type observedType() {
        return observer.getObservedType();
    }

    /**
     * @return the observer as {@code com.acme.Mail#onEmail(Email)}, for messages
     */
    String method() {
        MethodInfo method = observer.getObserverMethod();
        if (method == null) {
            return observer.toString();
        }
        return method.declaringClass().name() + "#" + method.name() + method.parameterTypes().stream()
                .map(type -> type.name().withoutPackagePrefix())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
