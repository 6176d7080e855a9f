package io.quarkiverse.moduleevents.benchmarks;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkiverse.moduleevents.runtime.EventCounter;
import io.quarkiverse.moduleevents.runtime.EventMeters;
import io.quarkiverse.moduleevents.runtime.metrics.MicrometerEventMeters;
import io.quarkus.arc.Unremovable;

/**
 * The extension's Micrometer meters over a {@link SimpleMeterRegistry}, for the events of {@link MeteredEvents} alone,
 * so that one application measures {@code send} with and without them: the dispatchers of every other module get no
 * counter, exactly as in an application without {@code quarkus-micrometer}.
 */
@Singleton
@Unremovable
public class MeteredModuleMeters implements EventMeters {

    private static final String MODULE = "metered";

    private final EventMeters micrometer = new MicrometerEventMeters(new SimpleMeterRegistry());

    @Override
    public EventCounter sent(String module, String event) {
        return module.equals(MODULE) ? micrometer.sent(module, event) : null;
    }

    @Override
    public EventCounter receiverFailures(String event, String receiver) {
        return event.startsWith(MODULE + ":") ? micrometer.receiverFailures(event, receiver) : null;
    }
}
