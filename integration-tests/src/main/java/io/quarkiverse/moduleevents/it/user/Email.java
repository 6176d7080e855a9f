package io.quarkiverse.moduleevents.it.user;

/**
 * An e-mail address of a user, the payload of {@link UserEvents#EMAIL_CREATED}.
 */
public record Email(String userId, String address) {
}
