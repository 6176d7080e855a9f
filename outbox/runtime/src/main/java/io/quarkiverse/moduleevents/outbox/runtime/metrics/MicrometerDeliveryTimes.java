package io.quarkiverse.moduleevents.outbox.runtime.metrics;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.moduleevents.outbox.runtime.DeliveryTimes;

/**
 * The timer {@code module.events.outbox.delivery}, tagged {@code kind=channel|receiver}: from a row's writing, in the
 * sender's transaction, to the broker's acknowledgement or the durable receiver's committed delivery.
 */
@Singleton
public class MicrometerDeliveryTimes implements DeliveryTimes {

    static final String NAME = "module.events.outbox.delivery";

    private final Map<Kind, Timer> timers = new EnumMap<>(Kind.class);

    @Inject
    MicrometerDeliveryTimes(MeterRegistry registry) {
        for (Kind kind : Kind.values()) {
            timers.put(kind, Timer.builder(NAME)
                    .description("Time from an outbox row's commit to the broker's acknowledgement (channel) or the"
                            + " durable receiver's completion (receiver)")
                    .tag("kind", kind.name().toLowerCase(Locale.ROOT))
                    .register(registry));
        }
    }

    @Override
    public void delivered(Kind kind, Instant createdAt) {
        Duration elapsed = Duration.between(createdAt, Instant.now());
        timers.get(kind).record(elapsed.isNegative() ? Duration.ZERO : elapsed);
    }
}
