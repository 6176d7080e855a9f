package io.quarkiverse.moduleevents.benchmarks;

import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.event.ObserverException;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ObserverMethod;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;

/**
 * Not part of the extension, and not a way to send events: a sketch, for measurement only, of the change these
 * benchmarks propose for {@code ModuleEventEmitter.send}. Instead of {@code Event.fire}, which runs ArC's notifier
 * (a new predicate and a test of {@code isAsync} per observer, a container lookup per fire), it notifies the
 * synchronous observers it resolved once, as the emitter's robust delivery already does, with the same checks and
 * the same failure policy as {@code fire}: the request context is activated when it is not, the first exception
 * stops the delivery, a checked one arrives wrapped in {@link ObserverException}. An event with observers of a
 * transaction phase would keep using {@code fire}; the sketch refuses them. Like ArC's own notifier cache, it keeps
 * the observers resolved for the last runtime type of the payload, and resolves again when another type comes.
 */
final class PreresolvedSendSketch {

    private final Map<String, Channel> channels = new HashMap<>();
    private final ManagedContext requestContext = Arc.container().requestContext();
    private final BeanManager beanManager;

    PreresolvedSendSketch(BeanManager beanManager, Class<?> payloadType, String... names) {
        this.beanManager = beanManager;
        for (String name : names) {
            channels.put(name, new Channel(payloadType, new Annotation[] { NamedLiteral.of(name), Any.Literal.INSTANCE }));
        }
    }

    void send(String name, Object payload) {
        Channel channel = channels.get(name);
        if (channel == null) {
            throw new IllegalArgumentException("Undeclared " + name);
        }
        if (payload == null || !channel.payloadType.isInstance(payload)) {
            throw new IllegalArgumentException("Bad payload for " + name);
        }
        Resolved resolved = channel.resolved;
        if (resolved == null || resolved.runtimeType != payload.getClass()) {
            channel.resolved = resolved = resolve(payload, channel.qualifiers);
        }
        EventContext<Object> context = new Context(payload, resolved.metadata);
        if (requestContext.isActive()) {
            notifyAll(resolved.observers, context);
        } else {
            requestContext.activate();
            try {
                notifyAll(resolved.observers, context);
            } finally {
                requestContext.terminate();
            }
        }
    }

    private Resolved resolve(Object payload, Annotation[] qualifiers) {
        Set<ObserverMethod<? super Object>> observers = beanManager.resolveObserverMethods(payload, qualifiers);
        for (ObserverMethod<? super Object> observer : observers) {
            if (observer.getTransactionPhase() != TransactionPhase.IN_PROGRESS) {
                throw new IllegalArgumentException("A transaction phase observer: fire the event instead");
            }
        }
        @SuppressWarnings("unchecked")
        ObserverMethod<? super Object>[] synchronous = observers.stream().filter(o -> !o.isAsync())
                .toArray(ObserverMethod[]::new);
        return new Resolved(payload.getClass(), synchronous, new Metadata(Set.of(qualifiers), payload.getClass()));
    }

    private static void notifyAll(ObserverMethod<? super Object>[] observers, EventContext<Object> context) {
        for (ObserverMethod<? super Object> observer : observers) {
            try {
                observer.notify(context);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable checked) {
                throw new ObserverException(checked);
            }
        }
    }

    private static final class Channel {

        final Class<?> payloadType;
        final Annotation[] qualifiers;
        volatile Resolved resolved;

        Channel(Class<?> payloadType, Annotation[] qualifiers) {
            this.payloadType = payloadType;
            this.qualifiers = qualifiers;
        }
    }

    private record Resolved(Class<?> runtimeType, ObserverMethod<? super Object>[] observers, EventMetadata metadata) {
    }

    private record Context(Object getEvent, EventMetadata getMetadata) implements EventContext<Object> {
    }

    private record Metadata(Set<Annotation> getQualifiers, Type getType) implements EventMetadata {

        @Override
        public InjectionPoint getInjectionPoint() {
            return null;
        }
    }
}
