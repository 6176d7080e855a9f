package io.quarkiverse.moduleevents.test.boundaries;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.boundaries.accounts.AccountStore;
import io.quarkiverse.moduleevents.test.boundaries.mail.StoreMail;
import io.quarkiverse.moduleevents.test.boundaries.mail.WelcomeMail;
import io.quarkiverse.moduleevents.test.boundaries.user.Signup;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A module may use, of another module, its events interface, the payload types of its events and the types those
 * expose (nested in the payload's record components and type arguments), and anything of the shared code: the build
 * passes with {@code quarkus.module-events.boundaries=fail}.
 */
class AllowedReferencesTest {

    @RegisterExtension
    static final QuarkusUnitTest config = BoundaryTests.application(WelcomeMail.class, StoreMail.class, AccountStore.class)
            .overrideConfigKey("quarkus.module-events.boundaries", "fail");

    @Inject
    Signup signup;

    @Inject
    WelcomeMail welcomeMail;

    @Test
    void theMailModuleReceivesTheUserModulesEvent() {
        signup.register("alice");

        assertEquals(List.of("ALICE in Lyon, admin"), welcomeMail.sent());
    }
}
