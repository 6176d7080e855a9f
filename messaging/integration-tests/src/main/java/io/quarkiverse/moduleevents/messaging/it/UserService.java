package io.quarkiverse.moduleevents.messaging.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The module's entry point: what it does, it announces with its events. */
@ApplicationScoped
public class UserService {

    @Inject
    UserEvents events;

    public void openAccount(String id, String name) {
        events.send(UserEvents.ACCOUNT_CREATED, new Account(id, name));
    }

    public void changeEmail(String userId, String address) {
        events.send(UserEvents.EMAIL_CHANGED, new EmailChanged(userId, address));
    }
}
