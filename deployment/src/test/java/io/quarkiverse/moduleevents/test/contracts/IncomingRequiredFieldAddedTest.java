package io.quarkiverse.moduleevents.test.contracts;

import static io.quarkiverse.moduleevents.deployment.ContractBaselines.BaselineEvent.incoming;
import static io.quarkiverse.moduleevents.deployment.ContractBaselines.BaselineEvent.outgoing;
import static io.quarkiverse.moduleevents.test.contracts.ContractTests.INCOMING;
import static io.quarkiverse.moduleevents.test.contracts.ContractTests.accept;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;

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
 * A new required field of an incoming event breaks it: the producers already deployed do not write it.
 */
class IncomingRequiredFieldAddedTest {

    public record PaymentThen(long cents, Payment.Method method, String reference) {
    }

    static final Path BASELINE = ContractTests.baseline(IncomingRequiredFieldAddedTest.class,
            file -> ContractBaselines.write(file, "orders",
                    outgoing(OrderEvents.ORDER_PLACED, Order.class, "orders-out"),
                    incoming(OrderEvents.PAYMENT_RECEIVED, PaymentThen.class, "payments-in")));

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.against(BASELINE)
            .assertException(BuildProblems.expect(EventContractException.class,
                    "Event contract broken: " + INCOMING
                            + "field `orderId` was added as required (rule: an incoming event may not gain a required field: producers already deployed do not write it). ",
                    accept(BASELINE)));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
