package io.quarkiverse.moduleevents.messaging.runtime;

/**
 * A message that claims to be a CloudEvent but cannot be read as one; the message names what is wrong and quotes
 * nothing of the body.
 */
final class MalformedCloudEventException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedCloudEventException(String message) {
        super(message);
    }
}
