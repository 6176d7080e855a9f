package io.quarkiverse.moduleevents.test.catalog.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.test.catalog.user.User;
import io.quarkiverse.moduleevents.test.catalog.user.UserEvents;

/**
 * Never runs: every call sends {@code user:account:created} synchronously.
 */
@ApplicationScoped
public class ReminderMail {

    void remind(@ObservesAsync @Named(UserEvents.ACCOUNT_CREATED) User user) {
    }
}
