package io.quarkiverse.moduleevents.messaging.spi;

/**
 * Runs the synchronous receivers of an incoming event at most once per CloudEvents ({@code source}, {@code id}), in a
 * transaction that also records the pair; provided by a sibling extension (the outbox). When a bean of this type
 * exists, the bridge delivers every incoming event through it. Not for applications.
 */
public interface IncomingEventInbox {

    /**
     * Records ({@code source}, {@code id}) and runs the receivers in one new transaction, and commits it. A temporary
     * failure of that transaction (the database unreachable, a lock time-out) may be tried again, blocking the caller,
     * before this returns or throws: the message stays unacknowledged meanwhile.
     *
     * @return {@code false}, without running the receivers, when the pair was recorded before: the event is a
     *         duplicate
     * @throws RuntimeException what the receivers threw, or the failure to record or commit; the transaction is then
     *         rolled back, the pair is not recorded, and a redelivery runs the receivers again
     */
    boolean deliverOnce(String source, String id, Runnable receivers);
}
