package io.quarkiverse.moduleevents.test.contracts;

import static io.quarkiverse.moduleevents.test.contracts.ContractTests.INCOMING;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.contracts.orders.Order;
import io.quarkiverse.moduleevents.test.contracts.orders.Payment;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A new required field of an incoming event breaks it: the producers already deployed do not write it.
 */
class IncomingRequiredFieldAddedTest {

    public record PaymentThen(long cents, Payment.Method method, String reference) {
    }

    static final Path BASELINE = ContractTests.baseline(IncomingRequiredFieldAddedTest.class, Order.class,
            PaymentThen.class);

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.failsWith(BASELINE, INCOMING
            + "field `orderId` was added as required (rule: an incoming event may not gain a required field: producers already deployed do not write it). ");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
