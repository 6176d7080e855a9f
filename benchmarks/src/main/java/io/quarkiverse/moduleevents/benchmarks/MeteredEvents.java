package io.quarkiverse.moduleevents.benchmarks;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/**
 * The module whose sends are counted (see {@link MeteredModuleMeters}): {@code moduleEmitterSendWithMetrics} sends
 * its events as {@code moduleEmitterSend} sends those of {@link BenchEvents}.
 */
@EventModule("metered")
public interface MeteredEvents extends EventEmitter {

    @Payload(Tick.class)
    String ONE = "metered:dispatch:one";

    @Payload(Tick.class)
    String TEN = "metered:dispatch:ten";

    static String syncName(int observers) {
        return observers == 1 ? ONE : TEN;
    }
}
