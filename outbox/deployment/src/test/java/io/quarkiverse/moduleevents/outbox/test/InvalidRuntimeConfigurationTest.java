package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Run-time values of the outbox out of their range fail the start, each named with its value and range (every key
 * and range is tested in {@code OutboxConfigCheckTest}).
 */
class InvalidRuntimeConfigurationTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:invalid-configuration;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop")
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-in-memory")
            .overrideConfigKey("quarkus.module-events.outbox.relay.batch-size", "0")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "0")
            .overrideConfigKey("quarkus.module-events.outbox.relay.initial-backoff", "-1S")
            .overrideConfigKey("quarkus.module-events.outbox.inbox.retention", "0S")
            .assertException(BuildProblems.expect(ConfigurationException.class, "Invalid configuration:"
                    + " quarkus.module-events.outbox.relay.batch-size=0 is out of range: it must be at least 1;"
                    + " quarkus.module-events.outbox.relay.poll-interval=0 is out of range: it must be at least 1"
                    + " millisecond, such as 500MS or 1S;"
                    + " quarkus.module-events.outbox.relay.initial-backoff=-1S is out of range: it must be at least"
                    + " 1 millisecond, such as 500MS or 1S;"
                    + " quarkus.module-events.outbox.inbox.retention=0S is out of range: it must be at least 1"
                    + " millisecond, such as 500MS or 1S"));

    @Test
    void failsTheStart() {
        fail("the start should have failed");
    }
}
