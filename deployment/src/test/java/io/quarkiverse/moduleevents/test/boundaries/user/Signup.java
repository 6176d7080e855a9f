package io.quarkiverse.moduleevents.test.boundaries.user;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.moduleevents.test.boundaries.user.internal.UserDirectory;

@ApplicationScoped
public class Signup {

    @Inject
    UserEvents users;

    public void register(String name) {
        UserDirectory.lookups++;
        users.send(UserEvents.ACCOUNT_CREATED, new Account(name, new Address("Lyon"), List.of(Role.ADMIN)));
    }
}
