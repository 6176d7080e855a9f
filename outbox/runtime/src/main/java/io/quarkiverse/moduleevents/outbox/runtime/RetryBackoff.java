package io.quarkiverse.moduleevents.outbox.runtime;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a row waits after a failed attempt, the same for broker rows and receiver rows.
 */
final class RetryBackoff {

    private RetryBackoff() {
    }

    /**
     * @return {@code initial-backoff * 2^(attempts - 1)}, at most {@code max-backoff}, of which a random half is
     *         jitter
     */
    static Duration after(OutboxRuntimeConfig.Relay config, int attempts) {
        long initial = config.initialBackoff().toMillis();
        long max = config.maxBackoff().toMillis();
        int doublings = Math.min(attempts - 1, 40);
        long exponential = initial > (max >> doublings) ? max : initial << doublings;
        long half = exponential / 2;
        return Duration.ofMillis(exponential - half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
