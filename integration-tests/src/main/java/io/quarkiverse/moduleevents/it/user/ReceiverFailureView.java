package io.quarkiverse.moduleevents.it.user;

import io.quarkiverse.moduleevents.ReceiverFailure;

/**
 * A {@link ReceiverFailure} as JSON: the failing receiver and the message of what it threw.
 */
record ReceiverFailureView(String receiver, String error) {

    static ReceiverFailureView of(ReceiverFailure failure) {
        Throwable error = failure.error();
        return new ReceiverFailureView(failure.receiver(),
                error.getMessage() != null ? error.getMessage() : error.getClass().getName());
    }
}
