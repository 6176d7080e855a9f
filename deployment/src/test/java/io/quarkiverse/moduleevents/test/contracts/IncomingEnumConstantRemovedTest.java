package io.quarkiverse.moduleevents.test.contracts;

import static io.quarkiverse.moduleevents.test.contracts.ContractTests.INCOMING;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;

import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.contracts.orders.Order;
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

    static final Path BASELINE = ContractTests.baseline(IncomingEnumConstantRemovedTest.class, Order.class,
            PaymentThen.class);

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.failsWith(BASELINE, INCOMING
            + "field `method` lost the enum constants [CASH] (rule: an enum of an incoming event may not lose constants: producers already deployed still send them). ");

    @Test
    void buildFails() {
        fail("The build should have failed");
    }
}
