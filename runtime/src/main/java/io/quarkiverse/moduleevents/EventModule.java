package io.quarkiverse.moduleevents;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PACKAGE;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Objects;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Declares a module's events, and qualifies everything that belongs to one module.
 * <p>
 * On an interface, it makes the interface the one place where the module declares its events: every {@code String}
 * constant of the interface is one event, the field name being its key and the value its name,
 * {@code <module>:<context>:<action>}. The first segment of every name must be the module's name.
 *
 * <pre>
 * &#64;EventModule("user")
 * public interface UserEvents extends EventEmitter {
 *     &#64;Payload(User.class)
 *     String ACCOUNT_CREATED = "user:account:created";
 * }
 * </pre>
 * <p>
 * As a CDI qualifier, it selects the module's emitter ({@code @Inject @EventModule("user") EventEmitter users}), and
 * it is one of the two qualifiers of every event the module sends, so an observer can take all of them:
 * {@code void audit(@Observes @EventModule("user") Object payload)}.
 * <p>
 * On a package ({@code package-info.java}), it names the module of the classes in that package and its subpackages
 * without declaring events: the way to name a module that only receives. The catalog and the Dev UI show its receivers
 * under that name. Without it, a receiver belongs to the module whose interface stands in its package or a parent
 * package, else to a module named after the last segment of its package.
 *
 * <pre>
 * &#64;EventModule("audit")
 * package com.acme.audit;
 * </pre>
 * <p>
 * The build fails when two interfaces declare the same module, when an annotated type is not an interface, or when an
 * observer names a module that no interface declares.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({ TYPE, FIELD, METHOD, PARAMETER, PACKAGE })
public @interface EventModule {

    /**
     * @return the module's name, the first segment of each of its event names
     */
    String value();

    /**
     * Supports inline instantiation of the {@link EventModule} qualifier.
     */
    final class Literal extends AnnotationLiteral<EventModule> implements EventModule {

        private static final long serialVersionUID = 1L;

        private final String value;

        private Literal(String value) {
            this.value = Objects.requireNonNull(value, "module name");
        }

        /**
         * @param module a module's name
         * @return the qualifier {@code @EventModule(module)}
         */
        public static Literal of(String module) {
            return new Literal(module);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
