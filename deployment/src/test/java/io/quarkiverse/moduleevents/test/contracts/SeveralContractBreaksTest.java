package io.quarkiverse.moduleevents.test.contracts;

import static io.quarkiverse.moduleevents.deployment.ContractBaselines.BaselineEvent.incoming;
import static io.quarkiverse.moduleevents.deployment.ContractBaselines.BaselineEvent.outgoing;
import static io.quarkiverse.moduleevents.test.contracts.ContractTests.INCOMING;
import static io.quarkiverse.moduleevents.test.contracts.ContractTests.OUTGOING;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

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
 * Several breaks at once are reported together, each in its own message, nested fields by their path.
 */
class SeveralContractBreaksTest {

    public record LineThen(String sku, String quantity) {
    }

    public record OrderThen(String id, @NotNull String customer, Order.Status status, List<LineThen> lines,
            String note, String coupon) {
    }

    public record PaymentThen(long cents, Payment.Method method, String reference) {
    }

    static final Path BASELINE = ContractTests.baseline(SeveralContractBreaksTest.class,
            file -> ContractBaselines.write(file, "orders",
                    outgoing(OrderEvents.ORDER_PLACED, OrderThen.class, "orders-out"),
                    incoming(OrderEvents.PAYMENT_RECEIVED, PaymentThen.class, "payments-in"),
                    incoming("orders:refund:issued", Payment.class, "payments-in")));

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.against(BASELINE)
            .assertException(failure -> assertEquals(Stream.of(
                    "Event contract broken: `orders:refund:issued` comes in from channel payments-in, written by"
                            + " producers already deployed with the baseline's schema: is no longer declared",
                    "Event contract broken: " + INCOMING + "field `orderId` was added as required",
                    "Event contract broken: " + OUTGOING + "field `coupon` was removed",
                    "Event contract broken: " + OUTGOING + "field `lines[].quantity` changed type from string to"
                            + " integer (int32)")
                    .sorted().toList(),
                    BuildProblems.of(failure).stream().filter(EventContractException.class::isInstance)
                            .map(problem -> problem.getMessage().substring(0, problem.getMessage().indexOf(" (rule: ")))
                            .sorted().toList()));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
