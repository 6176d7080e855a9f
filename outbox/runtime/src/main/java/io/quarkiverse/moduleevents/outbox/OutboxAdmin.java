package io.quarkiverse.moduleevents.outbox;

import java.util.List;
import java.util.UUID;

/**
 * Looks into the outbox and resubmits rows that became {@link OutboxStatus#DEAD}: both kinds of rows, the outgoing
 * events for the broker ({@link OutboxEntry#channel()}) and the records of durable receivers
 * ({@link OutboxEntry#receiver()}). It sees only the rows of this
 * service (its {@code quarkus.module-events.messaging.source}, else its {@code quarkus.application.name}), not those
 * of other services that share the database. Each method runs in the current transaction when there is one, else on
 * its own.
 * <p>
 * A row becomes {@code DEAD} after {@code quarkus.module-events.outbox.relay.max-attempts} failed sends (a payload
 * larger than the broker accepts, a broker down longer than the backoff); it stays in the table, with its last error,
 * until it is resubmitted or deleted. The record of a durable receiver becomes {@code DEAD} after as many failed
 * deliveries (the receiver threw each time). A row of a channel or event this application does not route, or of a
 * durable receiver it does not have, is never tried: it stays {@code PENDING} for an instance that has it.
 * <p>
 * Inject it as a bean: {@code @Inject OutboxAdmin admin}.
 */
public interface OutboxAdmin {

    /**
     * @param status the status of the rows to list
     * @param limit the most rows to return
     * @return the rows of that status, oldest first
     * @throws IllegalArgumentException when the limit is not positive
     * @throws IllegalStateException when the database cannot be read
     */
    List<OutboxEntry> list(OutboxStatus status, int limit);

    /**
     * @return how many rows, of both kinds together, are pending, failing, published (kept) and dead
     * @throws IllegalStateException when the database cannot be read
     */
    OutboxCounts counts();

    /**
     * Makes a {@code DEAD} row {@code PENDING} again, with no attempts and due now; its last error stays until it
     * is sent (delivered). The relay sends (delivers) it at once.
     *
     * @return whether a {@code DEAD} row with that id existed
     * @throws IllegalStateException when the database cannot be written
     */
    boolean resubmit(UUID id);

    /**
     * Makes every {@code DEAD} row {@code PENDING} again, as {@link #resubmit(UUID)} does.
     *
     * @return how many rows were resubmitted
     * @throws IllegalStateException when the database cannot be written
     */
    int resubmitDead();
}
