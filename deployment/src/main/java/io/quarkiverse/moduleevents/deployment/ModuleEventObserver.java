package io.quarkiverse.moduleevents.deployment;

import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.ANY;
import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.EVENT_MODULE;
import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.NAMED;
import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.NAME_PATTERN;
import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.OBJECT;

import java.util.Set;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.DotName;
import org.jboss.jandex.MethodInfo;
import org.jboss.jandex.Type;

import io.quarkus.arc.processor.ObserverInfo;

/**
 * What one observer method observes, in the terms of module events: an event name, a module, both or neither.
 */
final class ModuleEventObserver {

    final ObserverInfo observer;
    final String name;
    final String module;
    /** a receiver pattern such as {@code user:*:created}, which the build turned into a {@code @NamePattern} */
    final String pattern;
    /** whether the observer requires a qualifier that module events never carry, such as {@code @Default} */
    final boolean foreignQualifier;
    /** whether the observer requires a qualifier a sibling extension adds to the events it fires ({@code @Remote}) */
    final boolean firedQualifier;

    ModuleEventObserver(ObserverInfo observer) {
        this(observer, Set.of());
    }

    /**
     * @param firedWith qualifiers that a sibling extension adds to the module events it fires (the bridge's
     *        {@code @Remote}): an observer that requires one of them can still receive module events
     */
    ModuleEventObserver(ObserverInfo observer, Set<DotName> firedWith) {
        this.observer = observer;
        String name = null;
        String module = null;
        String pattern = null;
        boolean foreignQualifier = false;
        boolean firedQualifier = false;
        for (AnnotationInstance qualifier : observer.getQualifiers()) {
            if (qualifier.name().equals(NAMED)) {
                name = qualifier.value() == null ? "" : qualifier.value().asString();
            } else if (qualifier.name().equals(EVENT_MODULE)) {
                module = qualifier.value().asString();
            } else if (qualifier.name().equals(NAME_PATTERN)) {
                pattern = qualifier.value().asString();
            } else if (firedWith.contains(qualifier.name())) {
                firedQualifier = true;
            } else if (!qualifier.name().equals(ANY)) {
                foreignQualifier = true;
            }
        }
        this.name = name;
        this.module = module;
        this.pattern = pattern;
        this.foreignQualifier = foreignQualifier;
        this.firedQualifier = firedQualifier;
    }

    /**
     * @return whether the observer takes part in module events: it observes an event name or a module
     */
    boolean isModuleEventObserver() {
        return NamePatterns.isEventName(name) || module != null || pattern != null;
    }

    /**
     * @return whether the observer's qualifiers match an event fired with {@code @EventModule(module)},
     *         {@code @Named(eventName)} and the patterns that match its name
     */
    boolean matchesQualifiers(String eventModule, String eventName) {
        return !foreignQualifier && (name == null || name.equals(eventName))
                && (module == null || module.equals(eventModule))
                && (pattern == null || NamePatterns.matches(pattern, eventName));
    }

    /**
     * @return whether the observer can receive the event: its qualifiers match, and its observed type can receive the
     *         declared payload; an event without {@code @Payload} counts only for observers that ask for module events
     *         or observe {@code Object}, not for every unqualified observer of an unrelated type
     */
    boolean canReceive(DeclaredEvent event, PayloadTypes payloadTypes) {
        if (!matchesQualifiers(event.module(), event.name())) {
            return false;
        }
        if (event.payloadType() == null) {
            return isModuleEventObserver() || OBJECT.equals(observedType().name());
        }
        return payloadTypes.canReceive(observedType(), event.payloadType());
    }

    Type observedType() {
        return observer.getObservedType();
    }

    /**
     * @return the observer as {@code com.acme.Mail#onEmail}, the name {@code ReceiverFailure} gives it
     */
    String methodName() {
        MethodInfo method = observer.getObserverMethod();
        return method.declaringClass().name() + "#" + method.name();
    }

    /**
     * @return the observer as {@code com.acme.Mail#onEmail(Email)}, for messages
     */
    String method() {
        MethodInfo method = observer.getObserverMethod();
        return method == null ? observer.toString() : MethodSignatures.of(method);
    }
}
