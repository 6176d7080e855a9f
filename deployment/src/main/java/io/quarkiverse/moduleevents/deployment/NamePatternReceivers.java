package io.quarkiverse.moduleevents.deployment;

import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.NAMED;
import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.OBSERVES;
import static io.quarkiverse.moduleevents.deployment.ModuleEventsDotNames.OBSERVES_ASYNC;

import java.util.List;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationTarget;
import org.jboss.jandex.AnnotationTransformation.TransformationContext;
import org.jboss.jandex.MethodParameterInfo;

import io.quarkiverse.moduleevents.runtime.NamePattern;

/**
 * Turns a receiver's {@code @Observes @Named("user:*:created")} into {@code @Observes @NamePattern("user:*:created")},
 * the qualifier that emitters add to every event whose name the pattern matches.
 */
final class NamePatternReceivers {

    private NamePatternReceivers() {
    }

    /**
     * @return whether the annotation is a {@code @Named} pattern on a method parameter
     */
    static boolean isNamePattern(AnnotationInstance annotation) {
        return annotation.name().equals(NAMED) && annotation.target().kind() == AnnotationTarget.Kind.METHOD_PARAMETER
                && annotation.value() != null && NamePatterns.isPattern(annotation.value().asString());
    }

    static void replaceNamedWithNamePattern(TransformationContext context) {
        List<AnnotationInstance> patterns = context.annotations().stream().filter(NamePatternReceivers::isNamePattern)
                .toList();
        for (AnnotationInstance named : patterns) {
            MethodParameterInfo parameter = named.target().asMethodParameter();
            if (isObserved(context, parameter)) {
                context.remove(annotation -> annotation.name().equals(NAMED) && isOn(annotation, parameter));
                context.add(AnnotationInstance.builder(NamePattern.class).value(named.value().asString())
                        .buildWithTarget(parameter));
            }
        }
    }

    private static boolean isObserved(TransformationContext context, MethodParameterInfo parameter) {
        return context.annotations().stream()
                .anyMatch(annotation -> (annotation.name().equals(OBSERVES) || annotation.name().equals(OBSERVES_ASYNC))
                        && isOn(annotation, parameter));
    }

    private static boolean isOn(AnnotationInstance annotation, MethodParameterInfo parameter) {
        return annotation.target().kind() == AnnotationTarget.Kind.METHOD_PARAMETER
                && annotation.target().asMethodParameter().position() == parameter.position();
    }
}
