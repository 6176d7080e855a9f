package io.quarkiverse.moduleevents.benchmarks;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/**
 * The benchmark's module. Synchronous and asynchronous receivers observe different names, because ArC's notifier
 * walks every resolved observer, asynchronous ones included, when it fires synchronously.
 */
@EventModule("bench")
public interface BenchEvents extends EventEmitter {

    @Payload(Tick.class)
    String ONE = "bench:dispatch:one";

    @Payload(Tick.class)
    String TEN = "bench:dispatch:ten";

    @Payload(Tick.class)
    String ONE_ASYNC = "bench:dispatch-async:one";

    @Payload(Tick.class)
    String TEN_ASYNC = "bench:dispatch-async:ten";

    static String syncName(int observers) {
        return observers == 1 ? ONE : TEN;
    }

    static String asyncName(int observers) {
        return observers == 1 ? ONE_ASYNC : TEN_ASYNC;
    }
}
