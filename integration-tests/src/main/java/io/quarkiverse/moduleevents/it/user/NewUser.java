package io.quarkiverse.moduleevents.it.user;

/**
 * The body of a registration request.
 */
record NewUser(String name, String email) {
}
