package io.quarkiverse.moduleevents.messaging.test;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

@EventModule("user")
public interface UserEvents extends EventEmitter {

    @Payload(User.class)
    String ACCOUNT_CREATED = "user:account:created";

    @Payload(Email.class)
    String EMAIL_CREATED = "user:emails:created";

    String PHONE_CREATED = "user:phones:created";
}
