package io.quarkiverse.moduleevents.runtime;

import jakarta.enterprise.event.ObserverException;
import jakarta.enterprise.inject.spi.EventContext;
import jakarta.enterprise.inject.spi.ObserverMethod;

/**
 * What happens when a receiver throws while {@link ResolvedReceivers} notifies it: the handler is told which one
 * threw, and throws to stop the delivery or returns to go on with the next receiver.
 */
interface ReceiverFailureHandler {

    /**
     * Stops the delivery with what the receiver threw, a checked exception wrapped in {@link ObserverException}, as
     * {@code Event.fire} does.
     */
    ReceiverFailureHandler RETHROW = (position, receiver, context, error) -> {
        throw rethrown(error);
    };

    /**
     * @param position the receiver's position among the names of the receivers being notified: the forwarder first
     *        when the name is forwarded, then the receivers in priority order
     * @param receiver {@code null} for the forwarder
     */
    void failed(int position, ObserverMethod<?> receiver, EventContext<?> context, Throwable error);

    static RuntimeException rethrown(Throwable error) {
        if (error instanceof RuntimeException e) {
            return e;
        }
        if (error instanceof Error e) {
            throw e;
        }
        return new ObserverException(error);
    }
}
