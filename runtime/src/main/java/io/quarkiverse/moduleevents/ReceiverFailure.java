package io.quarkiverse.moduleevents;

import java.util.Objects;

/**
 * One receiver that threw while {@link EventEmitter#sendRobust(String, Object)} delivered an event.
 *
 * @param receiver the observer method, as {@code declaringClass#method}
 * @param error what it threw
 */
public record ReceiverFailure(String receiver, Throwable error) {

    public ReceiverFailure {
        Objects.requireNonNull(receiver, "receiver");
        Objects.requireNonNull(error, "error");
    }
}
