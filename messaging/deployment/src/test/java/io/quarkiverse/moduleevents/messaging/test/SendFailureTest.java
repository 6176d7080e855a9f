package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.messaging.BridgeCounters;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;

/**
 * A payload that cannot be serialised fails the send, not the sender: it is logged and counted.
 */
class SendFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, SimpleRegistry.class))
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop")
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-in-memory");

    @Inject
    OrderEvents orders;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    BridgeCounters counters;

    @Inject
    MeterRegistry registry;

    @Test
    void anUnserialisablePayloadIsCountedAndNotSent() {
        orders.send(OrderEvents.ORDER_PLACED, new Order("o-1"));

        assertEquals(1, counters.sendFailures("order-out"));
        assertEquals(0, counters.sent("order-out"));
        assertEquals(1, registry.get("module.events.bridge.outgoing").tag("channel", "order-out")
                .tag("event", OrderEvents.ORDER_PLACED).tag("outcome", "failed").counter().count());
        assertEquals(List.of(), connector.sink("order-out").received());
    }

    @EventModule("order")
    public interface OrderEvents extends EventEmitter {
        @Payload(Order.class)
        String ORDER_PLACED = "order:order:placed";
    }

    public record Order(String id) {
        public String getTotal() {
            throw new IllegalStateException("prices are not loaded");
        }
    }
}
