package io.quarkiverse.moduleevents.test.payload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Arguments that may be an instance of the declared payload type build: a subtype, an interface that a subclass of
 * the declared class may implement, an interface beside a declared interface, and {@code Object} or an erased type
 * variable, whose run-time value the emitter still checks.
 */
class CompatiblePayloadSentTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, RushOrder.class,
                    Tracked.class, TrackedOrder.class, Shipment.class, Checkout.class, Receiver.class));

    @Inject
    Checkout checkout;

    @Inject
    Receiver receiver;

    @Test
    void aSubtypeIsSentAndReceived() {
        RushOrder rush = new RushOrder();
        checkout.sendSubtype(rush);
        assertTrue(receiver.orders().contains(rush));
    }

    @Test
    void anInterfaceTypedArgumentHoldingThePayloadTypeIsSentAndReceived() {
        TrackedOrder tracked = new TrackedOrder();
        checkout.sendTracked(tracked);
        assertTrue(receiver.orders().contains(tracked));
    }

    @Test
    void anInterfaceTypedArgumentBesideADeclaredInterfaceBuilds() {
        checkout.sendShipment(new TrackedOrder());
        assertEquals(1, receiver.shipments());
    }

    @Test
    void anObjectTypedArgumentIsStillCheckedAtRunTime() {
        IllegalArgumentException rejected = assertThrows(IllegalArgumentException.class,
                () -> checkout.sendObject("not an order"));
        assertTrue(rejected.getMessage().contains(Order.class.getName()), rejected.getMessage());
        assertThrows(IllegalArgumentException.class, () -> checkout.sendFirst(List.of("not an order")));
    }

    @EventModule("order")
    public interface OrderEvents extends EventEmitter {
        @Payload(Order.class)
        String ORDER_PLACED = "order:order:placed";
        @Payload(Shipment.class)
        String ORDER_SHIPPED = "order:order:shipped";
    }

    public static class Order {
    }

    public static class RushOrder extends Order {
    }

    public interface Tracked {
    }

    public interface Shipment {
    }

    public static class TrackedOrder extends Order implements Tracked, Shipment {
    }

    @ApplicationScoped
    public static class Checkout {

        @Inject
        OrderEvents orders;

        void sendSubtype(RushOrder rush) {
            orders.send(OrderEvents.ORDER_PLACED, rush);
        }

        void sendTracked(Tracked tracked) {
            orders.send(OrderEvents.ORDER_PLACED, tracked);
        }

        void sendShipment(Tracked tracked) {
            orders.send(OrderEvents.ORDER_SHIPPED, tracked);
        }

        void sendObject(Object payload) {
            orders.send(OrderEvents.ORDER_PLACED, payload);
        }

        <T> void sendFirst(List<T> payloads) {
            orders.send(OrderEvents.ORDER_PLACED, payloads.get(0));
        }
    }

    @ApplicationScoped
    public static class Receiver {

        private final List<Order> orders = new ArrayList<>();
        private int shipments;

        void onOrder(@Observes @Named(OrderEvents.ORDER_PLACED) Order order) {
            orders.add(order);
        }

        void onShipment(@Observes @Named(OrderEvents.ORDER_SHIPPED) Shipment shipment) {
            shipments++;
        }

        List<Order> orders() {
            return orders;
        }

        int shipments() {
            return shipments;
        }
    }
}
