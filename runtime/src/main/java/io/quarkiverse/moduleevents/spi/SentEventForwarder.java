package io.quarkiverse.moduleevents.spi;

/**
 * Takes the events that emitters send on beyond this application's receivers, on behalf of a sibling extension (the
 * messaging bridge forwards them to a broker, through the outbox when there is one). A bean of the sibling extension;
 * when one exists, each emitter asks it once for each name and payload type it sends whether it forwards the name, and
 * then calls {@link #forward} on every {@code send}, {@code sendRobust} and {@code sendAsync} of the name: on the
 * sender's thread, before any local receiver runs, so that what the forwarder records belongs to the sender's
 * transaction and is recorded even when a local receiver throws. Not for applications.
 * <p>
 * What {@code forward} throws is the sender's as a receiver's failure would be, the forwarder named as
 * {@code <its class>#forward}: {@code send} throws it before any local receiver runs, {@code sendRobust} returns it
 * among the failures and notifies the local receivers, and the stage of {@code sendAsync} completes exceptionally with
 * it without notifying them.
 */
public interface SentEventForwarder {

    /**
     * @param module the module that declares the event
     * @param name the event's name
     * @return whether events of the name are forwarded
     */
    boolean forwards(String module, String name);

    /**
     * Records the event so that it leaves once the sender's transaction commits, never when that transaction rolls
     * back or is marked rollback-only, and at once when there is none.
     *
     * @param module the module that declares the event
     * @param name the event's name, one that {@link #forwards} accepted
     * @param payload the payload as sent
     */
    void forward(String module, String name, Object payload);
}
