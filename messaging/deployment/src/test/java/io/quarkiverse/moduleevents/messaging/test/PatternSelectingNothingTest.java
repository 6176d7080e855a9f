package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.messaging.deployment.ModuleEventsMessagingDeploymentException.UnknownBridgedEventException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class PatternSelectingNothingTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Email.class))
            .overrideConfigKey("quarkus.module-events.messaging.incoming.user-in.events",
                    "order:*:created")
            .assertException(BuildProblems.expect(UnknownBridgedEventException.class,
                    "Selected pattern matches no declared event: 'order:*:created'",
                    "[key: quarkus.module-events.messaging.incoming.\"user-in\".events]"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
