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
 * A payload whose class is unrelated to the declared one (a {@code String} where an {@code Order} is declared) fails
 * the build at the send site.
 */
class UnrelatedClassSentTest {

    private static final String TEST = UnrelatedClassSentTest.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Checkout.class))
            .assertException(BuildProblems.expect(IncompatiblePayloadSentException.class,
                    "Emitter call passes a payload that can never be the event's payload type: 'order:order:placed'"
                            + " declares @Payload(" + TEST + "$Order.class), the call passes java.lang.String"
                            + " [method: " + TEST + "$Checkout#place, line ",
                    "; pass a " + TEST.substring(TEST.lastIndexOf('.') + 1) + "$Order, or change the @Payload of "
                            + TEST + "$OrderEvents#ORDER_PLACED"));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("order")
    public interface OrderEvents extends EventEmitter {
        @Payload(Order.class)
        String ORDER_PLACED = "order:order:placed";
    }

    public record Order(String id, int quantity) {
    }

    @ApplicationScoped
    public static class Checkout {

        @Inject
        OrderEvents orders;

        void place(Order order) {
            orders.send(OrderEvents.ORDER_PLACED, order.id());
        }
    }
}
