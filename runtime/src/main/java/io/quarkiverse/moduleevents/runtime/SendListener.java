package io.quarkiverse.moduleevents.runtime;

import java.util.List;

import io.quarkiverse.moduleevents.ReceiverFailure;

/**
 * Told of every event an emitter sends, in test and dev mode only: in production no listener exists and sending
 * pays nothing for this. Not for applications to implement.
 */
public interface SendListener {

    /**
     * Called once the event passed the emitter's checks, before any receiver runs.
     */
    void sending(String module, String name, Object payload);

    /**
     * Called once the synchronous receivers have run ({@code sendAsync}: once the asynchronous ones have).
     *
     * @param receivers the receivers that ran, as {@code class#method}, in the order they ran
     * @param failures the receivers that threw, empty when none did
     */
    default void sent(String module, String name, Object payload, List<String> receivers,
            List<ReceiverFailure> failures) {
    }
}
