package io.quarkiverse.moduleevents.test.contracts;

import static io.quarkiverse.moduleevents.test.contracts.ContractTests.OUTGOING;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;

import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.contracts.orders.Order;
import io.quarkiverse.moduleevents.test.contracts.orders.Payment;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Removing a field from an outgoing event breaks the consumers already deployed, which read it.
 */
class OutgoingFieldRemovedTest {

    public record OrderThen(String id, @NotNull String customer, Order.Status status, List<Order.Line> lines,
            String note, String coupon) {
    }

    static final Path BASELINE = ContractTests.baseline(OutgoingFieldRemovedTest.class, OrderThen.class,
            Payment.class);

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.failsWith(BASELINE, OUTGOING
            + "field `coupon` was removed (rule: a field of an outgoing event may not be removed: consumers already deployed read it). ");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
