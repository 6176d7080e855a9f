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
 * A primitive passed where a record is declared arrives boxed, and the box can never be the record: the build fails,
 * here for {@code sendAsync} with a value held in a local variable.
 */
class BoxedPrimitiveSentTest {

    private static final String TEST = BoxedPrimitiveSentTest.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Checkout.class))
            .assertException(BuildProblems.expect(IncompatiblePayloadSentException.class,
                    "'order:order:placed' declares @Payload(" + TEST + "$Order.class), the call passes"
                            + " java.lang.Integer [method: " + TEST + "$Checkout#place, line "));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("order")
    public interface OrderEvents {
        @Payload(Order.class)
        String ORDER_PLACED = "order:order:placed";
    }

    public record Order(String id, int quantity) {
    }

    @ApplicationScoped
    public static class Checkout {

        @Inject
        @EventModule("order")
        EventEmitter orders;

        void place(Order order) {
            int quantity = order.quantity();
            orders.sendAsync(OrderEvents.ORDER_PLACED, quantity);
        }
    }
}
