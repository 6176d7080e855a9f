package io.quarkiverse.moduleevents.test.payload;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.deployment.ModuleEventsDeploymentException.IncompatiblePayloadSentException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An argument typed by an interface that the declared record does not implement can never be that record, since a
 * record is final: the build fails, here for a value read from a field.
 */
class InterfaceToFinalPayloadSentTest {

    private static final String TEST = InterfaceToFinalPayloadSentTest.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Priced.class,
                    Checkout.class))
            .assertException(BuildProblems.expect(IncompatiblePayloadSentException.class,
                    "'order:order:placed' declares @Payload(" + TEST + "$Order.class), the call passes "
                            + TEST + "$Priced [method: " + TEST + "$Checkout#place, line "));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("order")
    public interface OrderEvents extends EventEmitter {
        @Payload(Order.class)
        String ORDER_PLACED = "order:order:placed";
    }

    public record Order(String id) {
    }

    public interface Priced {
        long cents();
    }

    @ApplicationScoped
    public static class Checkout {

        @Inject
        OrderEvents orders;

        Priced lastPriced = () -> 100;

        void place() {
            orders.send(OrderEvents.ORDER_PLACED, lastPriced);
        }
    }
}
