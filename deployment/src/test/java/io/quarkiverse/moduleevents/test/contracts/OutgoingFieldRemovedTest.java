package io.quarkiverse.moduleevents.test.contracts;

import static io.quarkiverse.moduleevents.deployment.ContractBaselines.BaselineEvent.incoming;
import static io.quarkiverse.moduleevents.deployment.ContractBaselines.BaselineEvent.outgoing;
import static io.quarkiverse.moduleevents.test.contracts.ContractTests.OUTGOING;
import static io.quarkiverse.moduleevents.test.contracts.ContractTests.accept;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.deployment.ContractBaselines;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.EventContractException;
import io.quarkiverse.moduleevents.test.contracts.orders.Order;
import io.quarkiverse.moduleevents.test.contracts.orders.OrderEvents;
import io.quarkiverse.moduleevents.test.contracts.orders.Payment;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Removing a field from an outgoing event breaks the consumers already deployed, which read it.
 */
class OutgoingFieldRemovedTest {

    public record OrderThen(String id, @NotNull String customer, Order.Status status, List<Order.Line> lines,
            String note, String coupon) {
    }

    static final Path BASELINE = ContractTests.baseline(OutgoingFieldRemovedTest.class,
            file -> ContractBaselines.write(file, "orders",
                    outgoing(OrderEvents.ORDER_PLACED, OrderThen.class, "orders-out"),
                    incoming(OrderEvents.PAYMENT_RECEIVED, Payment.class, "payments-in")));

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.against(BASELINE)
            .assertException(BuildProblems.expect(EventContractException.class,
                    "Event contract broken: " + OUTGOING
                            + "field `coupon` was removed (rule: a field of an outgoing event may not be removed: consumers already deployed read it). ",
                    accept(BASELINE)));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
