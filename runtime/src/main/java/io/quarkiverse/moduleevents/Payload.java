package io.quarkiverse.moduleevents;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Declares the payload type of one event, on a {@code String} constant of an {@link EventModule} interface.
 * <p>
 * Every {@code send*} of the event then rejects a payload that is not an instance of this type, and the build fails
 * when an observer of the event observes a type that can never receive it. An event without {@code @Payload} accepts
 * any non-null object. A primitive type stands for its wrapper.
 */
@Documented
@Retention(RUNTIME)
@Target(FIELD)
public @interface Payload {

    /**
     * @return the type every payload of the event is an instance of
     */
    Class<?> value();
}
