package io.quarkiverse.moduleevents.it.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.it.user.Email;
import io.quarkiverse.moduleevents.it.user.UserEvents;

/**
 * Asks the owner of each new address to verify it, off the request thread.
 */
@ApplicationScoped
class VerificationMail {

    private final Outbox outbox;

    VerificationMail(Outbox outbox) {
        this.outbox = outbox;
    }

    void onEmailCreated(@ObservesAsync @Named(UserEvents.EMAIL_CREATED) Email email) {
        outbox.send(email.address(), "Please verify " + email.address());
    }
}
