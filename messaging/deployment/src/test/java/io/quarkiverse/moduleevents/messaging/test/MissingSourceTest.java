package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Every outgoing event names its sending service: with an outgoing channel and neither the bridge's source nor the
 * application's name set, the application does not start.
 */
class MissingSourceTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Email.class))
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.user-out.events", "user:account:created")
            .overrideConfigKey("mp.messaging.outgoing.user-out.connector", "smallrye-in-memory")
            // an empty value is no value: the application has no name
            .overrideConfigKey("quarkus.application.name", "")
            .assertException(BuildProblems.expect(ConfigurationException.class,
                    "The messaging bridge needs a CloudEvents source for its outgoing events: set"
                            + " quarkus.module-events.messaging.source or quarkus.application.name"));

    @Test
    void theApplicationDoesNotStart() {
        fail("the application started without a CloudEvents source");
    }
}
