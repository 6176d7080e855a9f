package io.quarkiverse.moduleevents.test.contracts;

import static io.quarkiverse.moduleevents.test.contracts.ContractTests.OUTGOING;
import static io.quarkiverse.moduleevents.test.contracts.ContractTests.accept;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;

import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.test.contracts.orders.Order;
import io.quarkiverse.moduleevents.test.contracts.orders.OrderEvents;
import io.quarkiverse.moduleevents.test.contracts.orders.Payment;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code quarkus.module-events.contract.check=warn}, a break is logged and the build passes.
 */
class ContractWarningTest {

    public record OrderThen(String id, @NotNull String customer, Order.Status status, List<Order.Line> lines,
            String note, String coupon) {
    }

    static final Path BASELINE = ContractTests.baseline(ContractWarningTest.class, OrderThen.class,
            Payment.class);

    @RegisterExtension
    static final QuarkusUnitTest config = ContractTests.against(BASELINE)
            .overrideConfigKey("quarkus.module-events.contract.check", "warn")
            .setLogRecordPredicate(record -> record.getLevel().equals(Level.WARNING)
                    && record.getMessage().startsWith("Event contracts broken"))
            .assertLogRecords(records -> {
                assertEquals(1, records.size());
                String message = records.get(0).getMessage();
                assertTrue(message.startsWith("Event contracts broken 1 times against the baseline " + BASELINE
                        + " (quarkus.module-events.contract.check=warn):\n" + OUTGOING.substring(0,
                                OUTGOING.length() - 2)),
                        message);
                assertTrue(message.contains("field `coupon` was removed (rule: "), message);
                assertTrue(message.contains(accept(BASELINE)), message);
            });

    @Inject
    OrderEvents orders;

    @Test
    void buildPasses() {
        assertTrue(orders.hasReceivers(OrderEvents.ORDER_PLACED));
    }
}
