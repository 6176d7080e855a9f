package io.quarkiverse.moduleevents.test.boundaries.mail;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.test.boundaries.shared.Texts;
import io.quarkiverse.moduleevents.test.boundaries.user.Account;
import io.quarkiverse.moduleevents.test.boundaries.user.Address;
import io.quarkiverse.moduleevents.test.boundaries.user.Role;
import io.quarkiverse.moduleevents.test.boundaries.user.UserEvents;

/**
 * Uses of the user module only what it publishes: its events interface, its payload type, and the types the payload
 * exposes; and the shared code.
 */
@ApplicationScoped
public class WelcomeMail {

    private final List<String> sent = new CopyOnWriteArrayList<>();

    void onAccount(@Observes @Named(UserEvents.ACCOUNT_CREATED) Account account) {
        Address address = account.address();
        boolean admin = account.roles().contains(Role.ADMIN);
        sent.add(Texts.upper(account.name()) + " in " + address.city() + (admin ? ", admin" : ""));
    }

    public List<String> sent() {
        return sent;
    }
}
