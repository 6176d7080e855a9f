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
 * A constant added to an enum of an outgoing event breaks the consumers already deployed, which cannot read it.
 */
class OutgoingEnumConstantAddedTest {

    public enum StatusThen {
        NEW,
        PAID
    }

    public record OrderThen(String id, @NotNull String customer, StatusThen status, List<Order.Line> lines,
            String note) {
    }

    static final Path BASELINE = ContractTests.baseline(OutgoingEnumConstantAddedTest.class, OrderThen.class,
            Payment.class);

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.failsWith(BASELINE, OUTGOING
            + "field `status` gained the enum constants [SHIPPED] (rule: an enum of an outgoing event may not gain constants: consumers already deployed cannot read them). ");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
