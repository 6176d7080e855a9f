package io.quarkiverse.moduleevents.test.contracts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.contracts.orders.Order;
import io.quarkiverse.moduleevents.test.contracts.orders.OrderEvents;
import io.quarkiverse.moduleevents.test.contracts.orders.Payment;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A field removed from an incoming event breaks nothing: what producers already deployed still write there is
 * ignored. The build passes.
 */
class IncomingFieldRemovedTest {

    public record PaymentThen(@NotNull String orderId, long cents, Payment.Method method, String reference,
            String memo) {
    }

    static final Path BASELINE = ContractTests.baseline(IncomingFieldRemovedTest.class, Order.class,
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
