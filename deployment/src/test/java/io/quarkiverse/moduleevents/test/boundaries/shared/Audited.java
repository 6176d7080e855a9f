package io.quarkiverse.moduleevents.test.boundaries.shared;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/**
 * An annotation of the shared code, whose values may name types of any module.
 */
@Retention(RetentionPolicy.RUNTIME)
public @interface Audited {

    Class<?>[] by() default {};
}
