package io.quarkiverse.moduleevents.test.boundaries.user;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

@EventModule("user")
public interface UserEvents extends EventEmitter {

    @Payload(Account.class)
    String ACCOUNT_CREATED = "user:account:created";
}
