package io.quarkiverse.moduleevents.messaging.runtime;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.messaging.spi.EventTracing;
import io.quarkiverse.moduleevents.messaging.spi.OutgoingEvent;
import io.quarkiverse.moduleevents.messaging.spi.OutgoingEventSender;

/**
 * Sends the events an outgoing sink kept, on the channels this application routes, under the current trace context:
 * the sink's relay makes the context it stored with an event current while it sends it.
 */
@Singleton
public class RoutedEventSender implements OutgoingEventSender {

    private final BridgeRoutes routes;
    private final OutgoingChannels channels;
    private final CloudEventEncoder encoder;
    private final EventTracing tracing;

    @Inject
    RoutedEventSender(BridgeRoutes routes, OutgoingChannels channels, CloudEventEncoder encoder, EventTracing tracing) {
        this.routes = routes;
        this.channels = channels;
        this.encoder = encoder;
        this.tracing = tracing;
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
        channels.send(route.getChannel(), encoder.message(event, route, outcome, tracing.current()), outcome);
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
