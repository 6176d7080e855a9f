package io.quarkiverse.moduleevents.messaging.spi;

import java.util.function.Supplier;

/**
 * Where the bridge hands outgoing events when a sibling extension (the outbox) provides a bean of this type: the
 * bridge then calls {@link #store} on the sender's thread, before any local receiver runs, for {@code send},
 * {@code sendRobust} and {@code sendAsync} alike, instead of sending the event after the sender's commit. The sink
 * sends the event later, through {@link OutgoingEventSender#send(OutgoingEvent)}. Not for applications.
 */
public interface OutgoingEventSink {

    /**
     * Prepares the event and keeps it, so that it is sent once the current transaction commits, or soon when there is
     * none.
     *
     * @param event prepares the event; throws {@link IllegalArgumentException} when the payload cannot be serialised
     * @throws RuntimeException when the event cannot be prepared or kept; the sink has then marked the current
     *         transaction rollback-only, so the sender's work never commits without its event
     */
    void store(Supplier<OutgoingEvent> event);
}
