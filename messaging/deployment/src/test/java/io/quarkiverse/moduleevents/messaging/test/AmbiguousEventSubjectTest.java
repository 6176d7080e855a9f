package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.messaging.deployment.ModuleEventsMessagingDeploymentException.AmbiguousEventSubjectException;
import io.quarkiverse.moduleevents.messaging.test.ambiguous.Order;
import io.quarkiverse.moduleevents.messaging.test.ambiguous.OrderEvents;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class AmbiguousEventSubjectTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class))
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-in-memory")
            .assertException(BuildProblems.expect(AmbiguousEventSubjectException.class,
                    "Payload type has more than one @EventSubject member: "
                            + "io.quarkiverse.moduleevents.messaging.test.ambiguous.Order",
                    "#customer", "#id", "keep @EventSubject on the one member"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
