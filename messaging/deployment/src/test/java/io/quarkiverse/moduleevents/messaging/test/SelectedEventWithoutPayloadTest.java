package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.messaging.deployment.ModuleEventsMessagingDeploymentException.BridgedEventWithoutPayloadException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class SelectedEventWithoutPayloadTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Email.class))
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.user-out.events",
                    "user:*:*")
            .assertException(BuildProblems.expect(BridgedEventWithoutPayloadException.class,
                    "Event selected for a channel declares no @Payload: 'user:phones:created'",
                    "[constant: io.quarkiverse.moduleevents.messaging.test.UserEvents#PHONE_CREATED",
                    "add @Payload(...) to io.quarkiverse.moduleevents.messaging.test.UserEvents#PHONE_CREATED"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
