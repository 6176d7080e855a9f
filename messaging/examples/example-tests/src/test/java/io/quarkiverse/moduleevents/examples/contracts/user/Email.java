package io.quarkiverse.moduleevents.examples.contracts.user;

/**
 * The user service's {@code Email} payload, unchanged.
 */
public record Email(String userId, String address) {
}
