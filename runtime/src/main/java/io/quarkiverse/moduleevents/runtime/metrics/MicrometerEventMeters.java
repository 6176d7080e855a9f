package io.quarkiverse.moduleevents.runtime.metrics;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.runtime.EventCounter;
import io.quarkiverse.moduleevents.runtime.EventMeters;
import io.quarkus.runtime.StartupEvent;

/**
 * The emitters' counters as Micrometer meters, {@code module.events.sent} and
 * {@code module.events.receiver.failures}: a bean only when the application has {@code quarkus-micrometer}, the only
 * class of the extension that refers to Micrometer. The sent counters of every declared event are registered at
 * start-up, so that each is there, at zero, before the event is first sent.
 */
@Singleton
public class MicrometerEventMeters implements EventMeters {

    static final String SENT = "module.events.sent";
    static final String RECEIVER_FAILURES = "module.events.receiver.failures";

    private final MeterRegistry registry;

    /**
     * @param registry the application's registry; public for a registry of one's own, as the benchmarks use
     */
    @Inject
    public MicrometerEventMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void registerSentCounters(@Observes StartupEvent start, @Any Instance<EventEmitter> emitters) {
        for (EventEmitter emitter : emitters) {
            for (String event : emitter.names().values()) {
                sent(emitter.module(), event);
            }
        }
    }

    @Override
    public EventCounter sent(String module, String event) {
        return Counter.builder(SENT).description("Events sent through the module's emitter")
                .tag("module", module).tag("event", event).register(registry)::increment;
    }

    @Override
    public EventCounter receiverFailures(String event, String receiver) {
        return Counter.builder(RECEIVER_FAILURES).description("Receivers that threw when they received the event")
                .tag("event", event).tag("receiver", receiver).register(registry)::increment;
    }
}
