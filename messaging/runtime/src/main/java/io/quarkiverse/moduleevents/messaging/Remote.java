package io.quarkiverse.moduleevents.messaging;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * Marks an event that arrived from a message broker rather than from an emitter of this application.
 * <p>
 * The messaging bridge fires every event it receives on an incoming channel with {@code @EventModule},
 * {@code @Named} and {@code @Remote}, so receivers that do not ask for {@code @Remote} get it like any local event,
 * and a receiver that does gets only the events from the broker:
 *
 * <pre>
 * void onRemoteAccount(&#64;Observes &#64;Remote &#64;Named(UserEvents.ACCOUNT_CREATED) User user) { ... }
 * </pre>
 * <p>
 * An event carrying {@code @Remote} is never sent out again, even when its name is selected for an outgoing channel,
 * so two services that bridge the same name both ways do not bounce it between them.
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({ TYPE, FIELD, METHOD, PARAMETER })
public @interface Remote {

    /**
     * Supports inline instantiation of the {@link Remote} qualifier.
     */
    final class Literal extends AnnotationLiteral<Remote> implements Remote {

        /** the qualifier {@code @Remote} */
        public static final Literal INSTANCE = new Literal();

        private static final long serialVersionUID = 1L;

        private Literal() {
        }
    }
}
