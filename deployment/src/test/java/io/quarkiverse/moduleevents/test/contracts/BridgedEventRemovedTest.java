package io.quarkiverse.moduleevents.test.contracts;

import static io.quarkiverse.moduleevents.deployment.ContractBaselines.BaselineEvent.incoming;
import static io.quarkiverse.moduleevents.deployment.ContractBaselines.BaselineEvent.outgoing;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.deployment.ContractBaselines;
import io.quarkiverse.moduleevents.test.contracts.orders.Order;
import io.quarkiverse.moduleevents.test.contracts.orders.OrderEvents;
import io.quarkiverse.moduleevents.test.contracts.orders.Payment;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Removing (or renaming) an event that went out on a channel breaks the consumers already deployed.
 */
class BridgedEventRemovedTest {

    static final Path BASELINE = ContractTests.baseline(BridgedEventRemovedTest.class,
            file -> ContractBaselines.write(file, "orders",
                    outgoing(OrderEvents.ORDER_PLACED, Order.class, "orders-out"),
                    outgoing("orders:order:cancelled", Order.class, "orders-out"),
                    incoming(OrderEvents.PAYMENT_RECEIVED, Payment.class, "payments-in")));

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.failsWith(BASELINE,
            "`orders:order:cancelled` goes out on channel orders-out, read by consumers already deployed with the"
                    + " baseline's schema: is no longer declared (rule: a bridged event may not be removed or"
                    + " renamed). ");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
