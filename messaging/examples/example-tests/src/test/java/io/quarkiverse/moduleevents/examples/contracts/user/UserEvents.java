package io.quarkiverse.moduleevents.examples.contracts.user;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/**
 * The user service's events interface as it is released (integration-tests' {@code it.user.UserEvents}).
 */
@EventModule("user")
public interface UserEvents extends EventEmitter {

    @Payload(User.class)
    String ACCOUNT_CREATED = "user:account:created";

    @Payload(Email.class)
    String EMAIL_CREATED = "user:emails:created";

    @Payload(User.class)
    String WELCOME_REQUESTED = "user:welcome:requested";
}
