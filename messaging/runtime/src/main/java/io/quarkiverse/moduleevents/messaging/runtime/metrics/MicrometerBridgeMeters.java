package io.quarkiverse.moduleevents.messaging.runtime.metrics;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.moduleevents.messaging.runtime.BridgeMeters;
import io.quarkiverse.moduleevents.runtime.EventCounter;

/**
 * The bridge's counters as Micrometer meters, {@code module.events.bridge.outgoing} and
 * {@code module.events.bridge.incoming}: a bean only when the application has {@code quarkus-micrometer}, the only
 * class of the bridge that refers to Micrometer.
 */
@Singleton
public class MicrometerBridgeMeters implements BridgeMeters {

    private final MeterRegistry registry;

    @Inject
    MicrometerBridgeMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public EventCounter outgoing(String channel, String event, OutgoingOutcome outcome) {
        return Counter.builder("module.events.bridge.outgoing").description("Events the bridge sent, by outcome")
                .tag("channel", channel).tag("event", event).tag("outcome", outcome.tag).register(registry)::increment;
    }

    @Override
    public EventCounter incoming(String channel, String event, IncomingOutcome outcome) {
        return Counter.builder("module.events.bridge.incoming").description("Messages the bridge received, by outcome")
                .tag("channel", channel).tag("event", event).tag("outcome", outcome.tag).register(registry)::increment;
    }
}
