package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.messaging.deployment.ModuleEventsMessagingDeploymentException.StructuredCloudEventsException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class StructuredCloudEventsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Email.class))
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.user-out.events", "user:account:created")
            .overrideConfigKey("mp.messaging.outgoing.user-out.connector", "smallrye-in-memory")
            .overrideConfigKey("mp.messaging.outgoing.user-out.cloud-events-mode", "structured")
            .assertException(BuildProblems.expect(StructuredCloudEventsException.class,
                    "Bridged channel is configured for structured CloudEvents:"
                            + " mp.messaging.outgoing.user-out.cloud-events-mode=structured",
                    "remove mp.messaging.outgoing.user-out.cloud-events-mode or set it to binary"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
