package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.InvalidEventNameException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class EventNameOfAnotherModuleTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class))
            .assertException(BuildProblems.expect(InvalidEventNameException.class,
                    "Event name does not start with its module's name: 'mail:message:sent'",
                    "EventNameOfAnotherModuleTest$UserEvents#MESSAGE_SENT", "module: 'user'",
                    "rename it to 'user:message:sent'", "or declare it in the interface of module 'mail'"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("user")
    interface UserEvents {
        String MESSAGE_SENT = "mail:message:sent";
    }
}
