package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidDeclarationException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class EventModuleOnClassTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class))
            .assertException(BuildProblems.expect(InvalidDeclarationException.class,
                    "@EventModule stands on a type that is not an interface: ",
                    "EventModuleOnClassTest$UserEvents [module: 'user']",
                    "as String constants of an interface annotated @EventModule(\"user\")"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("user")
    static class UserEvents {
        static final String ACCOUNT_CREATED = "user:account:created";
    }
}
