package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidEventNameException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class CustomNamePatternViolationTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class))
            .overrideConfigKey("quarkus.module-events.name-pattern", "[a-z_]+(:[a-z_]+){1,3}")
            .assertException(BuildProblems.expect(InvalidEventNameException.class,
                    "Event name breaks the naming pattern: 'user:account-email:changed'",
                    "pattern: [a-z_]+(:[a-z_]+){1,3}]",
                    "use a name that matches quarkus.module-events.name-pattern"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("user")
    interface UserEvents {
        String EMAIL_CHANGED = "user:account-email:changed";
    }
}
