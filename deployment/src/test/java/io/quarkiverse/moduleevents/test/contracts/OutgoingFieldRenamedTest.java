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
 * Renaming a field of an outgoing event breaks the consumers already deployed, which read the old name.
 */
class OutgoingFieldRenamedTest {

    public record OrderThen(String id, @NotNull String client, Order.Status status, List<Order.Line> lines,
            String note) {
    }

    static final Path BASELINE = ContractTests.baseline(OutgoingFieldRenamedTest.class, OrderThen.class,
            Payment.class);

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.failsWith(BASELINE, OUTGOING
            + "field `client` was renamed to `customer` (rule: a field of an outgoing event may not be renamed: consumers already deployed read the old name). ");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
