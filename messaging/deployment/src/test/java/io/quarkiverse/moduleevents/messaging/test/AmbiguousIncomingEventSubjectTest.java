package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.messaging.EventSubject;
import io.quarkiverse.moduleevents.messaging.deployment.ModuleEventsMessagingDeploymentException.AmbiguousEventSubjectException;
import io.quarkiverse.moduleevents.messaging.test.ambiguous.Order;
import io.quarkiverse.moduleevents.messaging.test.ambiguous.OrderEvents;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A payload type with two {@code @EventSubject} members fails the build of a service that only receives its events
 * too, once for the type although two incoming events carry it.
 */
class AmbiguousIncomingEventSubjectTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class))
            .overrideConfigKey("quarkus.module-events.messaging.incoming.order-in.events", "order:order:*")
            .overrideConfigKey("mp.messaging.incoming.order-in.connector", "smallrye-in-memory")
            .assertException(BuildProblems.expect(AmbiguousEventSubjectException.class,
                    "Payload type has more than one @EventSubject member: "
                            + "io.quarkiverse.moduleevents.messaging.test.ambiguous.Order",
                    "#customer", "#id", "keep @EventSubject on the one member"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
