package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;
import java.lang.reflect.Member;
import java.lang.reflect.Type;
import java.util.Set;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Annotated;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.util.TypeLiteral;

/**
 * The injection point that {@link jakarta.enterprise.inject.spi.EventMetadata#getInjectionPoint()} reports for every
 * event a module's emitter sends: its {@code @Any Event<Object>}, injected into the emitter's synthetic bean, as ArC
 * reports it when the emitter fires through that {@code Event}.
 */
record EmitterInjectionPoint(Bean<?> getBean) implements InjectionPoint {

    private static final Type EVENT_OF_OBJECT = new TypeLiteral<Event<Object>>() {
    }.getType();

    @Override
    public Type getType() {
        return EVENT_OF_OBJECT;
    }

    @Override
    public Set<Annotation> getQualifiers() {
        return Set.of(Any.Literal.INSTANCE);
    }

    @Override
    public Member getMember() {
        return null;
    }

    @Override
    public Annotated getAnnotated() {
        return null;
    }

    @Override
    public boolean isDelegate() {
        return false;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
