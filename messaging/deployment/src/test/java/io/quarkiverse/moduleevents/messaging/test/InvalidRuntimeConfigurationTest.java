package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Run-time values of the bridge out of their range fail the start, each named with its value and range (every key
 * and range is tested in {@code MessagingConfigCheckTest}).
 */
class InvalidRuntimeConfigurationTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Email.class))
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.user-out.events", "user:account:created")
            .overrideConfigKey("quarkus.module-events.messaging.incoming.user-in.events", "user:account:created")
            .overrideConfigKey("quarkus.module-events.messaging.source", "mail-service")
            .overrideConfigKey("quarkus.module-events.messaging.send-timeout", "0")
            .overrideConfigKey("quarkus.module-events.messaging.max-pending-sends", "0")
            .overrideConfigKey("quarkus.module-events.messaging.incoming-duplicates.max-entries", "-1")
            .overrideConfigKey("mp.messaging.outgoing.user-out.connector", "smallrye-in-memory")
            .overrideConfigKey("mp.messaging.incoming.user-in.connector", "smallrye-in-memory")
            .assertException(BuildProblems.expect(ConfigurationException.class, "Invalid configuration:"
                    + " quarkus.module-events.messaging.send-timeout=0 is out of range: it must be at least 1"
                    + " millisecond, such as 500MS or 1S;"
                    + " quarkus.module-events.messaging.max-pending-sends=0 is out of range: it must be at least 1;"
                    + " quarkus.module-events.messaging.incoming-duplicates.max-entries=-1 is out of range: it must be"
                    + " at least 1"));

    @Test
    void failsTheStart() {
        fail("the start should have failed");
    }
}
