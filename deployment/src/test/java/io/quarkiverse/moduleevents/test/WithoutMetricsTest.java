package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.runtime.EventMeters;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Without a Micrometer registry (here quarkus-micrometer is disabled, as if absent), the emitters find no meters and
 * send as they always did, failing receivers included.
 */
class WithoutMetricsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Receivers.class))
            .overrideConfigKey("quarkus.micrometer.enabled", "false");

    @Inject
    @EventModule("order")
    EventEmitter orders;

    @Inject
    Receivers receivers;

    @Test
    void sendsWithoutMeters() {
        assertFalse(Arc.container().select(EventMeters.class).isResolvable());

        orders.send(OrderEvents.ORDER_PLACED, "o-1");
        assertEquals(1, orders.sendRobust(OrderEvents.ORDER_PLACED, "fail").size());
        assertThrows(IllegalStateException.class, () -> orders.send(OrderEvents.ORDER_PLACED, "fail"));

        assertEquals(List.of("o-1", "fail", "fail"), receivers.received());
    }

    @EventModule("order")
    public interface OrderEvents {
        @Payload(String.class)
        String ORDER_PLACED = "order:order:placed";
    }

    @ApplicationScoped
    public static class Receivers {

        private final List<String> received = new CopyOnWriteArrayList<>();

        void onPlaced(@Observes @Named(OrderEvents.ORDER_PLACED) String order) {
            received.add(order);
            if (order.equals("fail")) {
                throw new IllegalStateException("cannot place " + order);
            }
        }

        List<String> received() {
            return List.copyOf(received);
        }
    }
}
