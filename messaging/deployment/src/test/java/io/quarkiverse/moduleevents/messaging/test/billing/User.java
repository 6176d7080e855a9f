package io.quarkiverse.moduleevents.messaging.test.billing;

/**
 * A payload type of the same simple name as the user module's: the AsyncAPI document names one of them {@code User2}.
 */
public record User(String iban) {
}
