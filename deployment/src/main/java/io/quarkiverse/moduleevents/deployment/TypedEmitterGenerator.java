package io.quarkiverse.moduleevents.deployment;

import java.lang.constant.ClassDesc;

import jakarta.enterprise.inject.Default;
import jakarta.enterprise.inject.Typed;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.runtime.DelegatingEventEmitter;
import io.quarkus.arc.Unremovable;
import io.quarkus.gizmo2.Gizmo;
import io.quarkus.gizmo2.ParamVar;
import io.quarkus.gizmo2.desc.ConstructorDesc;

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

    private TypedEmitterGenerator() {
    }

    static void generate(EventModuleBuildItem module, Gizmo gizmo) {
        String interfaceName = module.declaringInterface().toString();
        ClassDesc moduleInterface = ClassDesc.of(interfaceName);
        gizmo.class_(interfaceName + SUFFIX, emitter -> {
            emitter.public_();
            emitter.extends_(DelegatingEventEmitter.class);
            emitter.implements_(moduleInterface);
            emitter.addAnnotation(Singleton.class);
            emitter.addAnnotation(Unremovable.class);
            emitter.addAnnotation(Default.class);
            emitter.addAnnotation(EventModule.class, annotation -> annotation.add("value", module.name()));
            emitter.addAnnotation(Typed.class, annotation -> annotation.addArray("value", new ClassDesc[] { moduleInterface }));

            emitter.constructor(constructor -> {
                constructor.public_();
                constructor.addAnnotation(Inject.class);
                ParamVar delegate = constructor.parameter("emitter", parameter -> {
                    parameter.setType(EventEmitter.class);
                    parameter.addAnnotation(EventModule.class, annotation -> annotation.add("value", module.name()));
                });
                constructor.body(body -> {
                    body.invokeSpecial(ConstructorDesc.of(DelegatingEventEmitter.class, EventEmitter.class),
                            emitter.this_(), delegate);
                    body.return_();
                });
            });
        });
    }
}
