package io.quarkiverse.moduleevents.test.catalog.accounting;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.test.catalog.user.User;
import io.quarkiverse.moduleevents.test.catalog.user.UserEvents;

@ApplicationScoped
public class Invoices {

    void openAccount(@Observes @Named(UserEvents.ACCOUNT_CREATED) User user) {
    }
}
