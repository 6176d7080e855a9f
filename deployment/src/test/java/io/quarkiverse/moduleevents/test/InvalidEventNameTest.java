package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidEventNameException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class InvalidEventNameTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class))
            .assertException(BuildProblems.expect(InvalidEventNameException.class,
                    "Event name breaks the naming pattern: 'User:Account:Created'",
                    "[constant: io.quarkiverse.moduleevents.test.InvalidEventNameTest$UserEvents#ACCOUNT_CREATED",
                    "use three segments of lower-case letters, digits and single hyphens",
                    "such as 'user:account:created'"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("user")
    interface UserEvents {
        String ACCOUNT_CREATED = "User:Account:Created";
    }
}
