package io.quarkiverse.moduleevents.messaging.runtime;

import java.lang.annotation.Annotation;
import java.util.UUID;

import jakarta.enterprise.inject.spi.EventContext;

import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkiverse.moduleevents.messaging.spi.OutgoingEventSink;
import io.quarkus.arc.Arc;

/**
 * What the observers the build generates for each selected (name, channel) call: a synchronous one, of transaction
 * phase {@code AFTER_SUCCESS} when the application has transactions, so CDI calls it after the commit, never after a
 * rollback, and at once without a transaction; and an asynchronous one for {@code sendAsync}. Events that came from a
 * broker ({@code @Remote}) are never sent out again. Not for applications.
 */
public final class OutgoingObservers {

    private OutgoingObservers() {
    }

    /**
     * Sends the event at most once, through the {@link DirectPublisher}.
     */
    public static void observed(EventContext<Object> event, String channel, String name) {
        if (isRemote(event)) {
            return;
        }
        Arc.container().instance(DirectPublisher.class).get().publish(channel, name, event.getEvent());
    }

    /**
     * Called instead of {@link #observed} when a sibling extension provides an {@link OutgoingEventSink} (the
     * synchronous observer then runs during the transaction): the event is encoded and handed to the sink, which sends
     * it later through the {@code OutgoingEventSender}.
     *
     * @throws RuntimeException what the sink throws, also when the payload cannot be serialised to JSON
     */
    public static void stored(EventContext<Object> event, String channel, String name) {
        if (isRemote(event)) {
            return;
        }
        OutgoingRoute route = Arc.container().instance(BridgeRoutes.class).get().outgoing(channel, name);
        CloudEventEncoder encoder = Arc.container().instance(CloudEventEncoder.class).get();
        Object payload = event.getEvent();
        Arc.container().instance(OutgoingEventSink.class).get()
                .store(() -> encoder.encode(UUID.randomUUID().toString(), route, payload));
    }

    private static boolean isRemote(EventContext<Object> event) {
        for (Annotation qualifier : event.getMetadata().getQualifiers()) {
            if (qualifier.annotationType() == Remote.class) {
                return true;
            }
        }
        return false;
    }
}
