package io.quarkiverse.moduleevents.messaging.runtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.messaging.spi.OutgoingEvent;
import io.quarkiverse.moduleevents.messaging.spi.OutgoingEventSender;

/**
 * Sends the events an outgoing sink kept, on the channels this application routes.
 */
@Singleton
public class RoutedEventSender implements OutgoingEventSender {

    private final BridgeRoutes routes;
    private final OutgoingChannels channels;

    @Inject
    RoutedEventSender(BridgeRoutes routes, OutgoingChannels channels) {
        this.routes = routes;
        this.channels = channels;
    }

    @Override
    public CompletionStage<Void> send(OutgoingEvent event) {
        CompletableFuture<Void> outcome = new CompletableFuture<>();
        OutgoingRoute route = routes.outgoing(event.channel(), event.name());
        if (route == null) {
            outcome.completeExceptionally(new IllegalStateException("Event '" + event.name() + "' is not selected"
                    + " for the outgoing channel '" + event.channel() + "' of this application; select it in"
                    + " quarkus.module-events.messaging.outgoing.\"" + event.channel() + "\".events"));
            return outcome;
        }
        channels.send(route.getChannel(), CloudEventEncoder.message(event, route, outcome), outcome);
        return outcome.whenComplete((ignored, failure) -> channels.countOutcome(route, failure));
    }

    @Override
    public boolean isClosed(String channel) {
        return channels.isClosed(channel);
    }

    @Override
    public Map<String, Set<String>> routes() {
        return routes.outgoingNames();
    }
}
