package io.quarkiverse.moduleevents.outbox;

/**
 * Where an outbox row is in its life.
 */
public enum OutboxStatus {
    /** Committed and waiting for the relay; a row that failed before waits for its next attempt. */
    PENDING,
    /** Acknowledged by the broker; kept only with {@code quarkus.module-events.outbox.published-retention=keep}. */
    PUBLISHED,
    /** Failed {@code quarkus.module-events.outbox.relay.max-attempts} times; sent again only when resubmitted. */
    DEAD
}
