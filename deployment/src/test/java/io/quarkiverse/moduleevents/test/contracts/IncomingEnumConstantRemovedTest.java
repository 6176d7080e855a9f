package io.quarkiverse.moduleevents.test.contracts;

import static io.quarkiverse.moduleevents.deployment.ContractBaselines.BaselineEvent.incoming;
import static io.quarkiverse.moduleevents.deployment.ContractBaselines.BaselineEvent.outgoing;
import static io.quarkiverse.moduleevents.test.contracts.ContractTests.INCOMING;
import static io.quarkiverse.moduleevents.test.contracts.ContractTests.accept;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.deployment.ContractBaselines;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.EventContractException;
import io.quarkiverse.moduleevents.test.contracts.orders.Order;
import io.quarkiverse.moduleevents.test.contracts.orders.OrderEvents;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A constant removed from an enum of an incoming event breaks it: the producers already deployed still send it.
 */
class IncomingEnumConstantRemovedTest {

    public enum MethodThen {
        CARD,
        TRANSFER,
        CASH
    }

    public record PaymentThen(@NotNull String orderId, long cents, MethodThen method, String reference) {
    }

    static final Path BASELINE = ContractTests.baseline(IncomingEnumConstantRemovedTest.class,
            file -> ContractBaselines.write(file, "orders",
                    outgoing(OrderEvents.ORDER_PLACED, Order.class, "orders-out"),
                    incoming(OrderEvents.PAYMENT_RECEIVED, PaymentThen.class, "payments-in")));

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.against(BASELINE)
            .assertException(BuildProblems.expect(EventContractException.class,
                    "Event contract broken: " + INCOMING
                            + "field `method` lost the enum constants [CASH] (rule: an enum of an incoming event may not lose constants: producers already deployed still send them). ",
                    accept(BASELINE)));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
