package io.quarkiverse.moduleevents.outbox;

/**
 * How many outbox rows are in each state.
 *
 * @param pending rows waiting for the relay, {@code failing} included
 * @param failing pending rows whose last send failed, waiting for their next attempt
 * @param published rows acknowledged by the broker and kept ({@code published-retention=keep}); 0 otherwise
 * @param dead rows that failed {@code max-attempts} times
 */
public record OutboxCounts(long pending, long failing, long published, long dead) {
}
