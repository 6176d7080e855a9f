package io.quarkiverse.moduleevents.outbox.runtime.metrics;

import java.time.Instant;
import java.util.function.ToDoubleFunction;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxSnapshot;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxSnapshots;
import io.quarkus.runtime.StartupEvent;

/**
 * The gauges of this service's outbox rows, registered at start-up: {@code module.events.outbox.rows} per status
 * ({@code pending}, {@code failing}, a part of pending, and {@code dead}) and {@code module.events.outbox.lag}, the
 * age in seconds of the oldest pending row. All of them read one shared {@link OutboxSnapshots snapshot}; when the
 * database cannot be read they report {@code NaN}.
 */
@Singleton
public class OutboxGauges {

    static final String ROWS = "module.events.outbox.rows";
    static final String LAG = "module.events.outbox.lag";
    private static final Logger LOG = Logger.getLogger(OutboxGauges.class);

    void register(@Observes StartupEvent startup, MeterRegistry registry, OutboxSnapshots snapshots) {
        rows(registry, snapshots, "pending", snapshot -> snapshot.counts().pending());
        rows(registry, snapshots, "failing", snapshot -> snapshot.counts().failing());
        rows(registry, snapshots, "dead", snapshot -> snapshot.counts().dead());
        Gauge.builder(LAG, snapshots, read(snapshot -> snapshot.lag(Instant.now()).toMillis() / 1000.0))
                .description("Age of the oldest pending outbox row, 0 when none is pending")
                .baseUnit("seconds")
                .register(registry);
    }

    private static void rows(MeterRegistry registry, OutboxSnapshots snapshots, String status,
            ToDoubleFunction<OutboxSnapshot> count) {
        Gauge.builder(ROWS, snapshots, read(count))
                .description("Outbox rows of this service, broker rows and durable receivers' records, per status")
                .tag("status", status)
                .register(registry);
    }

    private static ToDoubleFunction<OutboxSnapshots> read(ToDoubleFunction<OutboxSnapshot> value) {
        return snapshots -> {
            try {
                return value.applyAsDouble(snapshots.current());
            } catch (IllegalStateException e) {
                LOG.debugf("Outbox gauges: %s", e.getMessage());
                return Double.NaN;
            }
        };
    }
}
