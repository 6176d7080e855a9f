package io.quarkiverse.moduleevents.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

/**
 * The synchronous receivers: one of {@link BenchEvents#ONE}, ten of {@link BenchEvents#TEN}. Each does the least work
 * the JIT cannot remove, so that the figures show the dispatch and nothing else. {@code directCall} calls the same
 * methods through the injected client proxy, as a module that called its neighbours instead of sending events would.
 */
@ApplicationScoped
public class Receivers {

    long seen;

    void one(@Observes @Named(BenchEvents.ONE) Tick tick) {
        seen += tick.id();
    }

    void ten01(@Observes @Named(BenchEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten02(@Observes @Named(BenchEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten03(@Observes @Named(BenchEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten04(@Observes @Named(BenchEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten05(@Observes @Named(BenchEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten06(@Observes @Named(BenchEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten07(@Observes @Named(BenchEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten08(@Observes @Named(BenchEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten09(@Observes @Named(BenchEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten10(@Observes @Named(BenchEvents.TEN) Tick tick) {
        seen += tick.id();
    }
}
