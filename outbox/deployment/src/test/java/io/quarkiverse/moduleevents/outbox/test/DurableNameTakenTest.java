package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.DurableNameTakenException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The outbox names a durable receiver {@code class#method}: two durable overloads, or a durable receiver and an
 * ordinary overload that the outbox would take for durable, are reported once per name.
 */
class DurableNameTakenTest {

    private static final String FIX = "]; the outbox records a durable receiver as class#method, so give the durable"
            + " receiver a name of its own";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Shipping.class,
                    Billing.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:durable-name-taken")
            .assertException(BuildProblems.expectMessages(DurableNameTakenException.class,
                    "@Durable receiver shares its name with another observer method of its class: "
                            + Billing.class.getName() + "#onOrder [methods: " + Billing.class.getName()
                            + "#onOrder(Order), " + Billing.class.getName() + "#onOrder(Order, EventMetadata)" + FIX,
                    "@Durable receiver shares its name with another observer method of its class: "
                            + Shipping.class.getName() + "#onOrder [methods: " + Shipping.class.getName()
                            + "#onOrder(Object), " + Shipping.class.getName() + "#onOrder(Order)" + FIX));

    @Test
    void failsTheBuild() {
        fail("the build should have failed");
    }

    static class Shipping {

        @Durable
        void onOrder(@Observes @Named(OrderEvents.ORDER_PLACED) Order order) {
        }

        @Durable
        void onOrder(@Observes @Named("order:*:placed") Object order) {
        }
    }

    static class Billing {

        @Durable
        void onOrder(@Observes @Named(OrderEvents.ORDER_PLACED) Order order) {
        }

        void onOrder(@Observes @Named(OrderEvents.ORDER_PLACED) Order order, EventMetadata metadata) {
        }
    }
}
