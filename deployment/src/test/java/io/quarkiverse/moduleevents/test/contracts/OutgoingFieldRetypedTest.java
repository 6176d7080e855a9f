package io.quarkiverse.moduleevents.test.contracts;

import static io.quarkiverse.moduleevents.test.contracts.ContractTests.OUTGOING;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.contracts.orders.Order;
import io.quarkiverse.moduleevents.test.contracts.orders.Payment;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Changing the type of a field of an outgoing event breaks the consumers already deployed.
 */
class OutgoingFieldRetypedTest {

    public record OrderThen(String id, long customer, Order.Status status, List<Order.Line> lines, String note) {
    }

    static final Path BASELINE = ContractTests.baseline(OutgoingFieldRetypedTest.class, OrderThen.class,
            Payment.class);

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.failsWith(BASELINE, OUTGOING
            + "field `customer` changed type from integer (int64) to string (rule: a field of a bridged event may not change its type). ");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
