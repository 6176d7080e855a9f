package io.quarkiverse.moduleevents.test.catalog.mail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.test.catalog.user.User;
import io.quarkiverse.moduleevents.test.catalog.user.UserEvents;

/**
 * Two receivers of one event under one method name and one priority: the catalog lists them in an order of its own,
 * not in the order bean discovery found them.
 */
@ApplicationScoped
public class Newsletter {

    void subscribe(@Observes @Named(UserEvents.ACCOUNT_CREATED) User user) {
    }

    void subscribe(@ObservesAsync @Named(UserEvents.ACCOUNT_CREATED) Object payload) {
    }
}
