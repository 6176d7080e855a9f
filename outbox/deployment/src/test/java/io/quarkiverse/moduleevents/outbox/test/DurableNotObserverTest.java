package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.DurableNotObserverException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class DurableNotObserverTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Shipping.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:durable-not-observer")
            .assertException(BuildProblems.expect(DurableNotObserverException.class,
                    "@Durable stands on a method that is not an observer method: " + Shipping.class.getName()
                            + "#ship(Order) [no parameter is annotated @Observes]",
                    "put @Durable on an @Observes receiver of module events in a bean", "or remove it"));

    @Test
    void failsTheBuild() {
        fail("the build should have failed");
    }

    @ApplicationScoped
    static class Shipping {

        @Durable
        void ship(Order order) {
        }
    }
}
