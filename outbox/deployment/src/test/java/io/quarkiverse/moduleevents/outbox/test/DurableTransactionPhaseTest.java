package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.DurableTransactionPhaseException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class DurableTransactionPhaseTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Shipping.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:durable-phase")
            .assertException(BuildProblems.expect(DurableTransactionPhaseException.class,
                    "@Durable receiver observes in a transaction phase: " + Shipping.class.getName()
                            + "#ship(Order) [during = TransactionPhase.AFTER_SUCCESS]",
                    "it already runs after the commit, in a transaction of its own",
                    "remove during = TransactionPhase.AFTER_SUCCESS from its @Observes, or remove @Durable"));

    @Test
    void failsTheBuild() {
        fail("the build should have failed");
    }

    static class Shipping {

        @Durable
        void ship(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Named(OrderEvents.ORDER_PLACED) Order order) {
        }
    }
}
