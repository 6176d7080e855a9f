package io.quarkiverse.moduleevents.deployment;

import java.lang.reflect.Modifier;

import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.jandex.AnnotationInstance;
import org.jboss.jandex.AnnotationValue;
import org.jboss.jandex.DotName;
import org.jboss.jandex.Type;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.runtime.DelegatingEventEmitter;
import io.quarkus.arc.Unremovable;
import io.quarkus.gizmo.ClassCreator;
import io.quarkus.gizmo.ClassOutput;
import io.quarkus.gizmo.MethodCreator;
import io.quarkus.gizmo.MethodDescriptor;

/**
 * Generates, for a module interface that extends {@link EventEmitter}, a bean of exactly that interface type which
 * delegates to the module's emitter:
 *
 * <pre>
 * &#64;Singleton
 * &#64;Unremovable
 * &#64;Typed(UserEvents.class)
 * &#64;Default
 * &#64;EventModule("user")
 * public class UserEvents_TypedEmitter extends DelegatingEventEmitter implements UserEvents {
 *     &#64;Inject
 *     public UserEvents_TypedEmitter(&#64;EventModule("user") EventEmitter emitter) {
 *         super(emitter);
 *     }
 * }
 * </pre>
 *
 * {@code @Typed} keeps a plain {@code @Inject EventEmitter} unsatisfied, so it never silently picks a module.
 */
final class TypedEmitterGenerator {

    private static final String SUFFIX = "_TypedEmitter";
    private static final DotName TYPED = DotName.createSimple(Typed.class);

    private TypedEmitterGenerator() {
    }

    static void generate(EventModuleBuildItem module, ClassOutput output) {
        String interfaceName = module.declaringInterface().toString();
        try (ClassCreator emitter = ClassCreator.builder().classOutput(output)
                .className(interfaceName + SUFFIX)
                .superClass(DelegatingEventEmitter.class)
                .interfaces(interfaceName)
                .build()) {
            emitter.addAnnotation(Singleton.class);
            emitter.addAnnotation(Unremovable.class);
            emitter.addAnnotation(Default.class);
            emitter.addAnnotation(EventModule.class).addValue("value", module.name());
            emitter.addAnnotation(AnnotationInstance.create(TYPED, null, new AnnotationValue[] {
                    AnnotationValue.createArrayValue("value", new AnnotationValue[] {
                            AnnotationValue.createClassValue("value",
                                    Type.create(module.declaringInterface(), Type.Kind.CLASS)) }) }));

            MethodCreator constructor = emitter.getMethodCreator(MethodDescriptor.INIT, void.class, EventEmitter.class);
            constructor.setModifiers(Modifier.PUBLIC);
            constructor.addAnnotation(Inject.class);
            constructor.getParameterAnnotations(0).addAnnotation(EventModule.class).addValue("value", module.name());
            constructor.invokeSpecialMethod(
                    MethodDescriptor.ofConstructor(DelegatingEventEmitter.class, EventEmitter.class),
                    constructor.getThis(), constructor.getMethodParam(0));
            constructor.returnVoid();
        }
    }
}
