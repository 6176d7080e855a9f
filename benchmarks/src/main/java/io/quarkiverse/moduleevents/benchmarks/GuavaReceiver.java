package io.quarkiverse.moduleevents.benchmarks;

import com.google.common.eventbus.AllowConcurrentEvents;
import com.google.common.eventbus.Subscribe;

/**
 * A Guava subscriber, registered once per observer. {@code @AllowConcurrentEvents} spares Guava the lock it takes
 * around every other subscriber, since CDI observers are not synchronized either.
 */
public class GuavaReceiver {

    long seen;

    @Subscribe
    @AllowConcurrentEvents
    public void on(Tick tick) {
        seen += tick.id();
    }
}
