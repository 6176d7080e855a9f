package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.InjectionPoint;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.spi.ReceiverRecorder;
import io.quarkiverse.moduleevents.spi.SentEventForwarder;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;

/**
 * Resolves the receivers of one module's event names, for its {@link EventDispatcher}s: an event is qualified with
 * its module, its name, {@code @Any} and the name patterns it matches; whether a sibling extension's
 * {@link SentEventForwarder} forwards the name, and which receivers a sibling extension's {@link ReceiverRecorder}
 * records.
 */
final class ReceiverResolver {

    private final String module;
    private final EventModule moduleQualifier;
    private final BeanManager beanManager;
    private InjectionPoint injectionPoint;
    /** {@code null} until looked up */
    private InjectableInstance<SentEventForwarder> forwarder;
    /** {@code null} until looked up */
    private InjectableInstance<ReceiverRecorder> recorder;
    /** {@code null} until looked up */
    private InjectableInstance<EventMeters> meters;

    ReceiverResolver(String module, BeanManager beanManager) {
        this.module = module;
        this.moduleQualifier = EventModule.Literal.of(module);
        this.beanManager = beanManager;
    }

    String module() {
        return module;
    }

    /**
     * @return the receivers of an emitter's send of the event, with its forwarding and recording
     */
    ResolvedReceivers resolve(EventDefinition event, Object payload) {
        return new ResolvedReceivers(beanManager, payload, qualifiers(event), injectionPoint(), forwarding(event),
                new Recording(recorder(), module, event.getName(), List.of()), meters());
    }

    /**
     * @return the receivers of the event fired by a sibling extension with further qualifiers, with its recording and
     *         without forwarding: what a sibling extension fires has come from beyond this application
     */
    ResolvedReceivers resolveFired(EventDefinition event, Object payload, List<Annotation> additionalQualifiers) {
        List<Annotation> qualifiers = new ArrayList<>(List.of(qualifiers(event)));
        qualifiers.addAll(additionalQualifiers);
        return new ResolvedReceivers(beanManager, payload, qualifiers.toArray(new Annotation[0]), injectionPoint(),
                null, new Recording(recorder(), module, event.getName(), additionalQualifiers), meters());
    }

    /**
     * @return the counter of the sends of the event, {@code null} when the application has no metrics extension
     */
    EventCounter sentCounter(EventDefinition event) {
        EventMeters found = meters();
        return found == null ? null : found.sent(module, event.getName());
    }

    /**
     * @return the meters, {@code null} when the application has no metrics extension
     */
    private EventMeters meters() {
        InjectableInstance<EventMeters> found = meters;
        if (found == null) {
            found = Arc.container().select(EventMeters.class);
            meters = found;
        }
        return found.isResolvable() ? found.get() : null;
    }

    /**
     * @return the recorder, {@code null} when no sibling extension records receivers
     */
    private ReceiverRecorder recorder() {
        InjectableInstance<ReceiverRecorder> found = recorder;
        if (found == null) {
            found = Arc.container().select(ReceiverRecorder.class);
            recorder = found;
        }
        return found.isResolvable() ? found.get() : null;
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

    /**
     * Which receivers of a name a recorder records, when the name is sent with some additional qualifiers.
     *
     * @param recorder {@code null} when no sibling extension records receivers
     */
    record Recording(ReceiverRecorder recorder, String module, String name, List<Annotation> additionalQualifiers) {

        boolean records(String receiver) {
            return recorder != null && recorder.records(receiver);
        }

        /**
         * @return the recording of the receivers, {@code null} when there are none
         */
        EventRecording of(List<String> receivers) {
            return receivers.isEmpty() ? null
                    : new EventRecording(recorder, module, name, receivers, additionalQualifiers);
        }
    }
}
