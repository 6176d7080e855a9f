package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.DurableAsyncObserverException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class DurableAsyncObserverTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Shipping.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:durable-async")
            .assertException(BuildProblems.expect(DurableAsyncObserverException.class,
                    "@Durable receiver observes with @ObservesAsync: " + Shipping.class.getName() + "#ship(Order)",
                    "already runs after the commit", "observe with @Observes instead, or remove @Durable"));

    @Test
    void failsTheBuild() {
        fail("the build should have failed");
    }

    static class Shipping {

        @Durable
        void ship(@ObservesAsync @Named(OrderEvents.ORDER_PLACED) Order order) {
        }
    }
}
