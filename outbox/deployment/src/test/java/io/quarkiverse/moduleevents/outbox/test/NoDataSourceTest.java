package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.NoDataSourceException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class NoDataSourceTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class))
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .overrideConfigKey("quarkus.module-events.outbox.datasource", "orders")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-in-memory")
            .assertException(BuildProblems.expect(NoDataSourceException.class, "The outbox has no datasource",
                    "datasource 'orders' is not configured", "quarkus.module-events.outbox.datasource=orders",
                    "quarkus.datasource.\"orders\".db-kind=postgresql"));

    @Test
    void failsTheBuild() {
        fail("the build should have failed");
    }
}
