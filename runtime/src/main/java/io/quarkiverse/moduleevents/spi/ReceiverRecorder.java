package io.quarkiverse.moduleevents.spi;

import java.lang.annotation.Annotation;
import java.util.List;

/**
 * Records, instead of notifying them, the receivers that a sibling extension delivers later (the outbox's durable
 * receivers). A bean of the sibling extension; when one exists, each emitter asks it once for each receiver it resolves
 * whether it records the receiver, and then, on every {@code send}, {@code sendRobust} and {@code sendAsync} of a name
 * that has recorded receivers, calls {@link #record} on the sender's thread, after the {@link SentEventForwarder} and
 * before any local receiver runs; the recorded receivers are not notified. Events that
 * {@link DeclaredEventFiring#fire} fires are recorded the same way. Not for applications.
 * <p>
 * What {@code record} throws is the sender's as a receiver's failure would be, the recorder named as
 * {@code <its class>#record}.
 */
public interface ReceiverRecorder {

    /**
     * @param receiver a receiver as {@code class#method}, the binary name of its class
     * @return whether the receiver is recorded rather than notified
     */
    boolean records(String receiver);

    /**
     * Records the event for each receiver so that it is delivered once the sender's transaction commits, never when
     * that transaction rolls back or is marked rollback-only, and in a transaction of its own when there is none.
     *
     * @param module the module that declares the event
     * @param name the event's name
     * @param payload the payload as sent
     * @param receivers the receivers to record, as {@code class#method}, each one that {@link #records} accepted
     * @param additionalQualifiers the qualifiers the event was fired with besides those of every send (for example
     *        {@code @Remote}); empty for an emitter's send. {@link DeclaredEventFiring#notifyReceiver} needs them to
     *        deliver the record.
     */
    void record(String module, String name, Object payload, List<String> receivers,
            List<Annotation> additionalQualifiers);
}
