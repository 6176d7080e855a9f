package io.quarkiverse.moduleevents.test.catalog.mail;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.test.catalog.user.User;
import io.quarkiverse.moduleevents.test.catalog.user.UserEvents;

@ApplicationScoped
public class WelcomeMail {

    void onAccount(@Observes @Priority(10) @Named(UserEvents.ACCOUNT_CREATED) User user) {
    }

    void onCreated(@ObservesAsync @Named("user:*:created") User user) {
    }
}
