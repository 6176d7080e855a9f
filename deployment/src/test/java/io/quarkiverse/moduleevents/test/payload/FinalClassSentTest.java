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
 * A final class that does not implement the declared payload interface can never be its instance: the build fails,
 * here for {@code sendRobust} with a new object.
 */
class FinalClassSentTest {

    private static final String TEST = FinalClassSentTest.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(ShippingEvents.class, Shipment.class, Receipt.class,
                    Dispatch.class))
            .assertException(BuildProblems.expect(IncompatiblePayloadSentException.class,
                    "'shipping:parcel:sent' declares @Payload(" + TEST + "$Shipment.class), the call passes "
                            + TEST + "$Receipt [method: " + TEST + "$Dispatch#ship, line "));

    @Test
    void buildFails() {
        fail("The build should have failed");
    }

    @EventModule("shipping")
    public interface ShippingEvents extends EventEmitter {
        @Payload(Shipment.class)
        String PARCEL_SENT = "shipping:parcel:sent";
    }

    public interface Shipment {
    }

    public static final class Receipt {
    }

    @ApplicationScoped
    public static class Dispatch {

        @Inject
        ShippingEvents shipping;

        void ship() {
            shipping.sendRobust(ShippingEvents.PARCEL_SENT, new Receipt());
        }
    }
}
