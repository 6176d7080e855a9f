package io.quarkiverse.moduleevents.examples.contracts.user;

/**
 * The user service's {@code User} payload after a developer renamed its field {@code email} to {@code emailAddress}.
 */
public record User(String id, String name, String emailAddress) {
}
