package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.NoDataSourceException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Durable receivers without a datasource: the outbox's message names the receivers that need it.
 */
class DurableWithoutDataSourceTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Shipping.class))
            .overrideConfigKey("quarkus.datasource.devservices.enabled", "false")
            .assertException(BuildProblems.expect(NoDataSourceException.class, "The outbox has no datasource",
                    "datasource '<default>' is not configured [quarkus.module-events.outbox.datasource unset: the"
                            + " default datasource, needed by the durable receivers " + Shipping.class.getName()
                            + "#onOrder, " + Shipping.class.getName() + "#reserve]",
                    "configure it with quarkus.datasource.db-kind=postgresql (or h2)"));

    @Test
    void failsTheBuild() {
        fail("the build should have failed");
    }

    static class Shipping {

        @Durable
        void onOrder(@Observes @Named(OrderEvents.ORDER_PLACED) Order order) {
        }

        @Durable
        void reserve(@Observes @Named(OrderEvents.ORDER_PLACED) Order order) {
        }
    }
}
