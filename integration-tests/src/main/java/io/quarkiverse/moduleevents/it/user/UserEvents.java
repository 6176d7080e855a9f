package io.quarkiverse.moduleevents.it.user;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/**
 * The events of the user module, its public contract with the other modules; injectable as the module's emitter.
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
