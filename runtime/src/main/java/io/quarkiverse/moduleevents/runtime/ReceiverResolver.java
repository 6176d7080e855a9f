package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.spi.SentEventForwarder;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;

/**
 * Resolves the receivers of one module's event names, for its {@link EventDispatcher}s: an event is qualified with
 * its module, its name, {@code @Any} and the name patterns it matches; and whether a sibling extension's
 * {@link SentEventForwarder} forwards the name.
 */
final class ReceiverResolver {

    private final String module;
    private final EventModule moduleQualifier;
    private final Event<Object> anyEvent;
    private final BeanManager beanManager;
    private InjectionPoint injectionPoint;
    /** {@code null} until looked up */
    private InjectableInstance<SentEventForwarder> forwarder;

    ReceiverResolver(String module, Event<Object> anyEvent, BeanManager beanManager) {
        this.module = module;
        this.moduleQualifier = EventModule.Literal.of(module);
        this.anyEvent = anyEvent;
        this.beanManager = beanManager;
    }

    String module() {
        return module;
    }

    ResolvedReceivers resolve(EventDefinition event, Object payload) {
        return new ResolvedReceivers(beanManager, payload, qualifiers(event), injectionPoint(), forwarding(event));
    }

    /**
     * @return the forwarding of the name, {@code null} when no sibling extension forwards it
     */
    private EventForwarding forwarding(EventDefinition event) {
        InjectableInstance<SentEventForwarder> found = forwarder;
        if (found == null) {
            found = Arc.container().select(SentEventForwarder.class);
            forwarder = found;
        }
        if (!found.isResolvable() || !found.get().forwards(module, event.getName())) {
            return null;
        }
        return new EventForwarding(found.get(), module, event.getName());
    }

    /**
     * @return an {@code Event} that fires the event, with further qualifiers
     */
    Event<Object> event(EventDefinition event, Annotation... additionalQualifiers) {
        List<Annotation> qualifiers = new ArrayList<>(List.of(qualifiers(event)));
        qualifiers.addAll(List.of(additionalQualifiers));
        return anyEvent.select(qualifiers.toArray(new Annotation[0]));
    }

    private Annotation[] qualifiers(EventDefinition event) {
        List<Annotation> qualifiers = new ArrayList<>();
        qualifiers.add(moduleQualifier);
        qualifiers.add(NamedLiteral.of(event.getName()));
        qualifiers.add(Any.Literal.INSTANCE);
        for (String pattern : event.getPatterns()) {
            qualifiers.add(new NamePattern.Literal(pattern));
        }
        return qualifiers.toArray(new Annotation[0]);
    }

    /**
     * @return the injection point of the emitter's {@code Event}, as the receivers' {@code EventMetadata} reports
     *         it; resolved on first use, when the emitter's bean exists
     */
    private InjectionPoint injectionPoint() {
        InjectionPoint resolved = injectionPoint;
        if (resolved == null) {
            resolved = new EmitterInjectionPoint(
                    beanManager.resolve(beanManager.getBeans(EventEmitter.class, moduleQualifier)));
            injectionPoint = resolved;
        }
        return resolved;
    }
}
