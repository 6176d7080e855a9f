package io.quarkiverse.moduleevents.outbox.runtime;

import java.time.Duration;
import java.time.Instant;

import io.quarkiverse.moduleevents.outbox.OutboxCounts;

/**
 * The state of this service's outbox rows at one moment, which the meters and the readiness check share.
 *
 * @param counts the rows of both kinds, broker rows and durable receivers' records, per status
 * @param oldestPending when the oldest {@code PENDING} row was written, {@code null} when none is pending
 */
public record OutboxSnapshot(OutboxCounts counts, Instant oldestPending) {

    /**
     * @return how long the oldest pending row has waited at {@code now}; zero when none is pending
     */
    public Duration lag(Instant now) {
        return oldestPending == null || oldestPending.isAfter(now) ? Duration.ZERO
                : Duration.between(oldestPending, now);
    }
}
