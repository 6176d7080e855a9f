package io.quarkiverse.moduleevents.outbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Makes an {@code @Observes} receiver of module events durable: it is not called while the event is sent. The send
 * writes one record for it to the outbox's datasource, in the sender's transaction (in one of its own when there is
 * none), and nothing when that transaction rolls back. After the commit the record is delivered: the receiver is
 * called in a new transaction that also deletes the record, so that its database work and the record's completion
 * commit together; a receiver that throws is retried with the outbox's backoff, and its record becomes
 * {@link OutboxStatus#DEAD} after {@code quarkus.module-events.outbox.relay.max-attempts}.
 *
 * <pre>
 * &#64;Durable
 * void onAccount(&#64;Observes &#64;Named(UserEvents.ACCOUNT_CREATED) User user) { ... }
 * </pre>
 *
 * Only on an {@code @Observes} observer method with the default transaction phase ({@code IN_PROGRESS}), of events
 * that declare a {@code @Payload}; the application needs the outbox's datasource.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Durable {
}
