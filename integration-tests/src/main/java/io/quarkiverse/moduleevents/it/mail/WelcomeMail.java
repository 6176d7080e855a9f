package io.quarkiverse.moduleevents.it.mail;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.it.user.User;
import io.quarkiverse.moduleevents.it.user.UserEvents;

/**
 * Welcomes new users, first of the mail receivers of a new account, and announces each welcome.
 */
@ApplicationScoped
class WelcomeMail {

    private final Outbox outbox;
    private final EventEmitter mail;

    WelcomeMail(Outbox outbox, @EventModule("mail") EventEmitter mail) {
        this.outbox = outbox;
        this.mail = mail;
    }

    void onAccountCreated(@Observes @Priority(10) @Named(UserEvents.ACCOUNT_CREATED) User user) {
        welcome(user);
    }

    void onWelcomeRequested(@Observes @Priority(20) @Named(UserEvents.WELCOME_REQUESTED) User user) {
        welcome(user);
    }

    private void welcome(User user) {
        mail.send(MailEvents.WELCOME_SENT, outbox.send(user.email(), "Welcome, " + user.name()));
    }
}
