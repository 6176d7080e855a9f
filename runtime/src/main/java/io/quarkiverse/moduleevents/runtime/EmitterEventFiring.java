package io.quarkiverse.moduleevents.runtime;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.spi.DeclaredEventFiring;
import io.quarkus.arc.Arc;

/**
 * Fires a declared name through the module emitter's {@link EventDispatcher}, with the qualifiers, the injection point
 * and the recording that the emitter gives the name's receivers.
 */
@Singleton
public class EmitterEventFiring implements DeclaredEventFiring {

    /** the emitters by module, looked up once: a durable receiver's delivery fires through them record by record */
    private final Map<String, ModuleEventEmitter> emitters = new ConcurrentHashMap<>();

    @Override
    public void fire(String module, String name, Object payload, Annotation... additionalQualifiers) {
        receivers(module, name, payload, additionalQualifiers).notifySynchronous(payload,
                ReceiverFailureHandler.RETHROW);
    }

    @Override
    public CompletionStage<Object> fireAsync(String module, String name, Object payload,
            Annotation... additionalQualifiers) {
        return AsyncDelivery.start(payload, receivers(module, name, payload, additionalQualifiers), null);
    }

    @Override
    public void notifyReceiver(String module, String name, Object payload, String receiver,
            Annotation... additionalQualifiers) {
        receivers(module, name, payload, additionalQualifiers).notifyOne(receiver, payload);
    }

    @Override
    public Class<?> payloadType(String module, String name) {
        return dispatcher(module, name).definition().getPayloadType();
    }

    private ResolvedReceivers receivers(String module, String name, Object payload,
            Annotation[] additionalQualifiers) {
        return dispatcher(module, name).firedReceivers(payload, List.of(additionalQualifiers));
    }

    private EventDispatcher dispatcher(String module, String name) {
        return emitters.computeIfAbsent(module, key -> (ModuleEventEmitter) Arc.container()
                .select(EventEmitter.class, EventModule.Literal.of(key)).get()).dispatcher(name);
    }
}
