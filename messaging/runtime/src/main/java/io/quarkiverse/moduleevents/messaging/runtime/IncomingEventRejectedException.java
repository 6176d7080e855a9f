package io.quarkiverse.moduleevents.messaging.runtime;

/**
 * Why the bridge rejected (negatively acknowledged) an incoming message; its message names the channel, the
 * CloudEvents id and type.
 */
public final class IncomingEventRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    IncomingEventRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
