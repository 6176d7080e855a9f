package io.quarkiverse.moduleevents.messaging.spi;

/**
 * The connector of an outgoing channel has ended the channel's stream, so nothing can be sent on it until the
 * application restarts. The AMQP connector does so when the broker refuses a message after the connector's own
 * retries ({@code SRMSG16225}); the application's liveness check then reports the channel down.
 */
public class ChannelClosedException extends IllegalStateException {

    public ChannelClosedException(String channel) {
        super("The connector of the outgoing channel '" + channel + "' has closed it, so nothing can be sent on it"
                + " until the application restarts; its log says why (with AMQP: a message the broker refused)");
    }
}
