package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkus.test.QuarkusUnitTest;

/**
 * quarkus.module-events.name-pattern replaces the default pattern; the module prefix is still required.
 */
class CustomNamePatternTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class))
            .overrideConfigKey("quarkus.module-events.name-pattern", "[a-z_]+(:[a-z_]+){1,3}");

    @Inject
    UserEvents users;

    @Test
    void namesThatMatchTheConfiguredPatternAreAccepted() {
        assertEquals(List.of("user:account_email:changed", "user:deleted", "user:account:email:verified"),
                List.copyOf(users.names().values()));
    }

    @EventModule("user")
    public interface UserEvents extends EventEmitter {
        String EMAIL_CHANGED = "user:account_email:changed";
        String DELETED = "user:deleted";
        String EMAIL_VERIFIED = "user:account:email:verified";
    }
}
