package io.quarkiverse.moduleevents.it.mail;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.it.user.User;
import io.quarkiverse.moduleevents.it.user.UserEvents;

/**
 * Sends a new user the first steps, after the welcome mail: its priority is the higher number.
 */
@ApplicationScoped
class GettingStartedMail {

    private final Outbox outbox;

    GettingStartedMail(Outbox outbox) {
        this.outbox = outbox;
    }

    void onAccountCreated(@Observes @Priority(20) @Named(UserEvents.ACCOUNT_CREATED) User user) {
        outbox.send(user.email(), "Getting started, " + user.name());
    }
}
