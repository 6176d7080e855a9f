package io.quarkiverse.moduleevents.test.catalog.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

@ApplicationScoped
public class Signup {

    @Inject
    UserEvents users;

    public void register(User user) {
        users.send(UserEvents.ACCOUNT_CREATED, user);
        users.sendAsync(UserEvents.EMAIL_CREATED, user);
    }

    public void importUser(User user) {
        users.sendRobust(UserEvents.ACCOUNT_CREATED, user);
    }
}
