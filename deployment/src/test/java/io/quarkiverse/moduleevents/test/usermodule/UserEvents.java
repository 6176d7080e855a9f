package io.quarkiverse.moduleevents.test.usermodule;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/**
 * The module whose events the build-failure tests observe wrongly: two events, both carrying a {@link User}.
 */
@EventModule("user")
public interface UserEvents {
    @Payload(User.class)
    String ACCOUNT_CREATED = "user:account:created";
    @Payload(User.class)
    String EMAIL_CREATED = "user:emails:created";
}
