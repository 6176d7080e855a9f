package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.DuplicateDeclarationException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class DuplicateEventNameTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class))
            .assertException(BuildProblems.expect(DuplicateDeclarationException.class,
                    "Event name is declared twice: 'user:account:created'",
                    "DuplicateEventNameTest$UserEvents#ACCOUNT_CREATED", "DuplicateEventNameTest$UserEvents#USER_CREATED",
                    "keep one constant"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("user")
    interface UserEvents {
        String ACCOUNT_CREATED = "user:account:created";
        String USER_CREATED = "user:account:created";
    }
}
