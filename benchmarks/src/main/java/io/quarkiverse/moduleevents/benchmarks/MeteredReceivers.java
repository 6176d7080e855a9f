package io.quarkiverse.moduleevents.benchmarks;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

/**
 * The receivers of {@link MeteredEvents}, as {@link Receivers} are those of {@link BenchEvents}: one of
 * {@link MeteredEvents#ONE}, ten of {@link MeteredEvents#TEN}.
 */
@ApplicationScoped
public class MeteredReceivers {

    long seen;

    void one(@Observes @Named(MeteredEvents.ONE) Tick tick) {
        seen += tick.id();
    }

    void ten01(@Observes @Named(MeteredEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten02(@Observes @Named(MeteredEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten03(@Observes @Named(MeteredEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten04(@Observes @Named(MeteredEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten05(@Observes @Named(MeteredEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten06(@Observes @Named(MeteredEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten07(@Observes @Named(MeteredEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten08(@Observes @Named(MeteredEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten09(@Observes @Named(MeteredEvents.TEN) Tick tick) {
        seen += tick.id();
    }

    void ten10(@Observes @Named(MeteredEvents.TEN) Tick tick) {
        seen += tick.id();
    }
}
