package io.quarkiverse.moduleevents.it.user;

/**
 * A registered user, the payload of {@link UserEvents#ACCOUNT_CREATED}.
 */
public record User(String id, String name, String email) {
}
