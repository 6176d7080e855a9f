package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.messaging.deployment.ModuleEventsMessagingDeploymentException.UnknownBridgedEventException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class UnknownSelectedEventTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Email.class))
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.user-out.events",
                    "user:acount:created")
            .assertException(BuildProblems.expect(UnknownBridgedEventException.class,
                    "Selected event is not declared by any module: 'user:acount:created'",
                    "[key: quarkus.module-events.messaging.outgoing.\"user-out\".events]",
                    "did you mean 'user:account:created'"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
