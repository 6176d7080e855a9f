package io.quarkiverse.moduleevents.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the outbox table, without its data.
 *
 * @param id the event's CloudEvents {@code id}
 * @param seq the row's position in the order of writing
 * @param channel the outgoing channel
 * @param name the event name, the CloudEvents {@code type}
 * @param module the module that declares the event
 * @param source the CloudEvents {@code source}
 * @param subject the CloudEvents {@code subject}; {@code null} when the payload has none
 * @param status where the row is
 * @param attempts how many sends failed since the row was written or last resubmitted
 * @param createdAt when the event was sent, its CloudEvents {@code time}
 * @param nextAttemptAt when the relay may send a {@link OutboxStatus#PENDING} row next
 * @param lastError why the last failed send failed; {@code null} when none failed
 */
public record OutboxEntry(UUID id, long seq, String channel, String name, String module, String source,
        String subject, OutboxStatus status, int attempts, Instant createdAt, Instant nextAttemptAt,
        String lastError) {
}
