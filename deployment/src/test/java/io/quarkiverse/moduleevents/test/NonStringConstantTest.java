package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidDeclarationException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class NonStringConstantTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class))
            .assertException(BuildProblems.expect(InvalidDeclarationException.class,
                    "A constant of an @EventModule interface is not a String: ",
                    "NonStringConstantTest$UserEvents#MAX_ACCOUNTS [type: int]",
                    "move this constant to another type"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("user")
    interface UserEvents {
        String ACCOUNT_CREATED = "user:account:created";
        int MAX_ACCOUNTS = 3;
    }
}
