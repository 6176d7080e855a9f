package io.quarkiverse.moduleevents.test.contracts;

import static io.quarkiverse.moduleevents.deployment.ContractBaselines.BaselineEvent.outgoing;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.deployment.ContractBaselines;
import io.quarkiverse.moduleevents.test.contracts.orders.Order;
import io.quarkiverse.moduleevents.test.contracts.orders.OrderEvents;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An event that the baseline did not carry over a channel breaks nothing. The build passes.
 */
class NewBridgedEventTest {

    static final Path BASELINE = ContractTests.baseline(NewBridgedEventTest.class,
            file -> ContractBaselines.write(file, "orders",
                    outgoing(OrderEvents.ORDER_PLACED, Order.class, "orders-out")));

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.against(BASELINE);

    @Inject
    OrderEvents orders;

    @Test
    void buildPasses() {
        assertTrue(orders.hasReceivers(OrderEvents.ORDER_PLACED), "it goes out on its channel");
    }
}
