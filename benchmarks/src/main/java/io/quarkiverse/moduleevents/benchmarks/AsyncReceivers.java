package io.quarkiverse.moduleevents.benchmarks;

import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Named;

/**
 * The asynchronous receivers: one of {@link BenchEvents#ONE_ASYNC}, ten of {@link BenchEvents#TEN_ASYNC}. They run on
 * the container's executor, so they count into a {@link LongAdder} rather than a plain field.
 */
@ApplicationScoped
public class AsyncReceivers {

    final LongAdder seen = new LongAdder();

    void one(@ObservesAsync @Named(BenchEvents.ONE_ASYNC) Tick tick) {
        seen.add(tick.id());
    }

    void ten01(@ObservesAsync @Named(BenchEvents.TEN_ASYNC) Tick tick) {
        seen.add(tick.id());
    }

    void ten02(@ObservesAsync @Named(BenchEvents.TEN_ASYNC) Tick tick) {
        seen.add(tick.id());
    }

    void ten03(@ObservesAsync @Named(BenchEvents.TEN_ASYNC) Tick tick) {
        seen.add(tick.id());
    }

    void ten04(@ObservesAsync @Named(BenchEvents.TEN_ASYNC) Tick tick) {
        seen.add(tick.id());
    }

    void ten05(@ObservesAsync @Named(BenchEvents.TEN_ASYNC) Tick tick) {
        seen.add(tick.id());
    }

    void ten06(@ObservesAsync @Named(BenchEvents.TEN_ASYNC) Tick tick) {
        seen.add(tick.id());
    }

    void ten07(@ObservesAsync @Named(BenchEvents.TEN_ASYNC) Tick tick) {
        seen.add(tick.id());
    }

    void ten08(@ObservesAsync @Named(BenchEvents.TEN_ASYNC) Tick tick) {
        seen.add(tick.id());
    }

    void ten09(@ObservesAsync @Named(BenchEvents.TEN_ASYNC) Tick tick) {
        seen.add(tick.id());
    }

    void ten10(@ObservesAsync @Named(BenchEvents.TEN_ASYNC) Tick tick) {
        seen.add(tick.id());
    }
}
