package io.quarkiverse.moduleevents.test.contracts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.contracts.orders.Order;
import io.quarkiverse.moduleevents.test.contracts.orders.OrderEvents;
import io.quarkiverse.moduleevents.test.contracts.orders.Payment;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An optional field added to an outgoing event (consumers already deployed ignore it) and to an incoming one
 * (producers already deployed leave it out) breaks nothing. The build passes.
 */
class OptionalFieldAddedTest {

    public record OrderThen(String id, @NotNull String customer, Order.Status status, List<Order.Line> lines) {
    }

    public record PaymentThen(@NotNull String orderId, long cents, Payment.Method method) {
    }

    static final Path BASELINE = ContractTests.baseline(OptionalFieldAddedTest.class, OrderThen.class,
            PaymentThen.class);

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.against(BASELINE);

    @Inject
    OrderEvents orders;

    @Test
    void buildPasses() {
        assertTrue(orders.hasReceivers(OrderEvents.ORDER_PLACED), "it goes out on its channel");
    }
}
