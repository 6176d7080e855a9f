package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidDeclarationException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class PayloadOutsideModuleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, Constants.class))
            .assertException(BuildProblems.expect(InvalidDeclarationException.class,
                    "@Payload stands on a field that is not a constant of an @EventModule interface: ",
                    "PayloadOutsideModuleTest$Constants#ACCOUNT_CREATED",
                    "put it on the String constant that declares the event"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("user")
    interface UserEvents {
        String ACCOUNT_CREATED = "user:account:created";
    }

    static class Constants {
        @Payload(String.class)
        static final String ACCOUNT_CREATED = UserEvents.ACCOUNT_CREATED;
    }
}
