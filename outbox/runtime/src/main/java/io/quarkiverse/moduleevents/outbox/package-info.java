/**
 * The transactional outbox and inbox of the messaging bridge.
 * <p>
 * <b>Outgoing.</b> With this extension, every event the bridge sends out is first written to the table
 * {@code module_events_outbox} of the outbox's datasource ({@code quarkus.module-events.outbox.datasource}): inside
 * the sender's JTA transaction when there is one, so it commits or rolls back with the sender's work, and in a
 * transaction of its own otherwise. When the write fails inside a transaction, the transaction is marked
 * rollback-only and {@link io.quarkiverse.moduleevents.outbox.OutboxWriteException} is thrown; {@code sendRobust}
 * returns it as a failure, and the transaction still rolls back. A relay sends committed rows and deletes them, or
 * marks them {@link io.quarkiverse.moduleevents.outbox.OutboxStatus#PUBLISHED}, only once the broker acknowledged
 * them; a rejected or unacknowledged send is retried with exponential backoff and jitter, and the row becomes
 * {@link io.quarkiverse.moduleevents.outbox.OutboxStatus#DEAD} after {@code relay.max-attempts}. Delivery is at least
 * once: a broker may receive an event again, with the same CloudEvents {@code id}, when an acknowledgement is lost or
 * comes after {@code relay.send-timeout}.
 * <p>
 * <b>Several instances.</b> A relay claims rows in a short transaction and leases them (its lease ends
 * {@code relay.send-timeout} plus 10 seconds later); it sends them outside any transaction and settles them in another
 * short one, so no transaction or row lock is held while it waits for the broker. Other relays leave leased rows alone,
 * so two instances never send the same row at the same time, and the rows of a killed instance are claimed again
 * once its lease ended. Order: the rows of one CloudEvents {@code subject} are sent one after the other, in the order
 * they were written, and a row is not claimed while an earlier row of its subject is leased or waits for its next
 * attempt, so a failed row holds back the later rows of its subject until it is published or dead. Rows without a
 * subject are never ordered. A {@code DEAD} row holds nothing back.
 * <p>
 * <b>Several services.</b> Rows and inbox records carry the name of their service
 * ({@code quarkus.module-events.messaging.source}, else {@code quarkus.application.name}): services that share a
 * database each relay, count and resubmit only their own rows and deduplicate in their own inbox scope. A relay
 * claims only rows of the channels and events its application routes; the others wait for an instance that does,
 * and hold back the later rows of their subjects.
 * <p>
 * <b>Incoming.</b> With the inbox ({@code quarkus.module-events.outbox.inbox.enabled}, on when the application has
 * incoming bridged channels), the synchronous receivers of an incoming event run in one new transaction that also
 * records its ({@code source}, {@code id}) for this service in {@code module_events_inbox}; an event recorded before is
 * acknowledged
 * and dropped, so the receivers' database effects happen exactly once; a receiver that throws rolls back the record
 * with their work, and the message is rejected.
 * <p>
 * <b>Durable receivers.</b> The records of {@link io.quarkiverse.moduleevents.outbox.Durable} receivers are rows of the
 * same table, with a {@code receiver} instead of a {@code channel}, written with the same transaction rules and
 * delivered after the commit, each in a new transaction that also deletes it, on a thread apart from the relay's, with
 * the same claim, lease, backoff and {@code DEAD} status; the records of one receiver and one subject in the order
 * they were written. They need no broker.
 * <p>
 * {@link io.quarkiverse.moduleevents.outbox.OutboxAdmin} lists and counts rows of both kinds and resubmits dead ones.
 */
package io.quarkiverse.moduleevents.outbox;
