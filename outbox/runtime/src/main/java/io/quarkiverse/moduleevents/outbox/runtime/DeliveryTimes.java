package io.quarkiverse.moduleevents.outbox.runtime;

import java.time.Instant;

/**
 * Told of every outbox row that reached its end: a broker row acknowledged by the broker, a durable receiver's record
 * delivered and committed. The application's metrics time them; without metrics nothing is done.
 */
public interface DeliveryTimes {

    /**
     * @param kind whether the row went to a channel or to a durable receiver
     * @param createdAt when the row was written, in the sender's transaction
     */
    void delivered(Kind kind, Instant createdAt);

    /**
     * Where a row goes.
     */
    enum Kind {
        /** an outgoing channel, through the broker */
        CHANNEL,
        /** a durable receiver */
        RECEIVER
    }
}
