package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.TransactionsDisabledException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

class TransactionsDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:no-transactions")
            .overrideConfigKey("quarkus.datasource.jdbc.transactions", "disabled")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-in-memory")
            .assertException(BuildProblems.expect(TransactionsDisabledException.class,
                    "does not take part in JTA transactions", "quarkus.datasource.jdbc.transactions=disabled",
                    "[datasource: <default>]", "remove that setting"));

    @Test
    void failsTheBuild() {
        fail("the build should have failed");
    }
}
