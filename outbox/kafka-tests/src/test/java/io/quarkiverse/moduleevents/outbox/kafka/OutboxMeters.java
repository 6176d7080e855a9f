package io.quarkiverse.moduleevents.outbox.kafka;

import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The outbox's meters, as the application's registry reports them.
 */
final class OutboxMeters {

    private final MeterRegistry registry;

    OutboxMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    double rows(String status) {
        Gauge gauge = registry.find("module.events.outbox.rows").tag("status", status).gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    double lag() {
        Gauge gauge = registry.find("module.events.outbox.lag").gauge();
        return gauge == null ? Double.NaN : gauge.value();
    }

    long deliveries(String kind) {
        return delivery(kind).count();
    }

    double deliveryTotalSeconds(String kind) {
        return delivery(kind).totalTime(TimeUnit.SECONDS);
    }

    private Timer delivery(String kind) {
        return registry.get("module.events.outbox.delivery").tag("kind", kind).timer();
    }
}
