package io.quarkiverse.moduleevents.outbox;

import java.time.Instant;
import java.util.UUID;

/**
 * One row of the outbox table, without its data: an outgoing event for the broker (a broker row, with a
 * {@code channel}), or the record of a durable receiver (a receiver row, with a {@code receiver}).
 *
 * @param id the event's CloudEvents {@code id}
 * @param seq the row's position in the order of writing
 * @param channel the outgoing channel; {@code null} for a receiver row
 * @param receiver the durable receiver, as {@code Class#method}; {@code null} for a broker row
 * @param name the event name, the CloudEvents {@code type}
 * @param module the module that declares the event
 * @param source the CloudEvents {@code source}, {@code /<service>/<module>}
 * @param subject the CloudEvents {@code subject}, the payload's {@code @EventSubject}; {@code null} when the payload
 *        has none
 * @param status where the row is
 * @param attempts how many sends (deliveries, for a receiver row) failed since the row was written or last
 *        resubmitted
 * @param createdAt when the event was sent, its CloudEvents {@code time}
 * @param nextAttemptAt when a {@link OutboxStatus#PENDING} row may be sent (delivered) next
 * @param lastError why the last failed send (delivery) failed; {@code null} when none failed
 */
public record OutboxEntry(UUID id, long seq, String channel, String receiver, String name, String module, String source,
        String subject, OutboxStatus status, int attempts, Instant createdAt, Instant nextAttemptAt,
        String lastError) {
}
