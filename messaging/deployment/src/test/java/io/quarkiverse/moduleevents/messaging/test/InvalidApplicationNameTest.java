package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application name that makes no valid CloudEvents source fails the start, instead of every send at run time.
 */
class InvalidApplicationNameTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Email.class))
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.user-out.events", "user:account:created")
            .overrideConfigKey("quarkus.application.name", "Order Service")
            .overrideConfigKey("mp.messaging.outgoing.user-out.connector", "smallrye-in-memory")
            .assertException(BuildProblems.expect(ConfigurationException.class, "Invalid configuration:"
                    + " quarkus.application.name=Order Service"
                    + " is not a valid CloudEvents source: the outgoing events' source is /Order Service/MODULE,"
                    + " which must be a URI reference; set quarkus.module-events.messaging.source to letters, digits"
                    + " and '-', '.', '_', '~', such as order-service"));

    @Test
    void failsTheStart() {
        fail("the start should have failed");
    }
}
