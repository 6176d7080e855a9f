package io.quarkiverse.moduleevents.outbox.runtime.health;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.quarkiverse.moduleevents.outbox.OutboxCounts;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxRuntimeConfig;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxSnapshot;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxSnapshots;

/**
 * The readiness check {@value #NAME}: {@code DOWN} when the oldest pending row of this service is older than
 * {@code quarkus.module-events.outbox.health.max-lag} (the relay cannot publish, or the durable receivers keep
 * failing), or when the outbox cannot be read. {@code DEAD} rows alone keep it {@code UP}: they wait for a person,
 * not for the instance.
 */
@Readiness
@ApplicationScoped
public class OutboxReadinessCheck implements HealthCheck {

    static final String NAME = "module-events-outbox";

    private final OutboxSnapshots snapshots;
    private final Duration maxLag;

    @Inject
    OutboxReadinessCheck(OutboxSnapshots snapshots, OutboxRuntimeConfig config) {
        this.snapshots = snapshots;
        this.maxLag = config.health().maxLag();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        OutboxSnapshot snapshot;
        try {
            snapshot = snapshots.current();
        } catch (IllegalStateException e) {
            return response.down().withData("error", e.getMessage()).build();
        }
        OutboxCounts counts = snapshot.counts();
        Duration lag = snapshot.lag(Instant.now());
        return response.status(lag.compareTo(maxLag) <= 0)
                .withData("pending", counts.pending())
                .withData("failing", counts.failing())
                .withData("dead", counts.dead())
                .withData("lag-seconds", lag.toSeconds())
                .withData("max-lag-seconds", maxLag.toSeconds())
                .build();
    }
}
