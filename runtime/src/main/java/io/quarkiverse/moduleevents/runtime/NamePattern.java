package io.quarkiverse.moduleevents.runtime;

import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;

/**
 * The qualifier that a receiver's {@code @Named("user:*:created")} becomes at build time. An emitter fires each event
 * with one {@code @NamePattern} per receiver pattern that matches its name, so CDI delivers it to those receivers
 * like to any other: once per event, in {@code @Priority} order, and no name is matched at run time. Not for
 * applications to use.
 */
@Qualifier
@Repeatable(NamePattern.List.class)
@Retention(RUNTIME)
@Target(PARAMETER)
public @interface NamePattern {

    /**
     * @return the pattern, as the receiver wrote it in {@code @Named}
     */
    String value();

    /**
     * Holds the patterns of an event that several patterns match.
     */
    @Retention(RUNTIME)
    @Target(PARAMETER)
    @interface List {
        NamePattern[] value();
    }

    final class Literal extends AnnotationLiteral<NamePattern> implements NamePattern {

        private static final long serialVersionUID = 1L;

        private final String value;

        public Literal(String value) {
            this.value = value;
        }

        @Override
        public String value() {
            return value;
        }
    }
}
