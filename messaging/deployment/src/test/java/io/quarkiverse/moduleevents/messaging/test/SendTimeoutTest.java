package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.messaging.BridgeCounters;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A send that is never acknowledged nor rejected does not hang: it times out, and is logged and counted.
 */
class SendTimeoutTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, SilentBroker.class,
                    SimpleRegistry.class))
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.orders.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop")
            .overrideConfigKey("quarkus.module-events.messaging.send-timeout", "2s");

    @Inject
    OrderEvents orders;

    @Inject
    BridgeCounters counters;

    @Inject
    MeterRegistry registry;

    @Test
    void anUnacknowledgedSendTimesOut() {
        orders.send(OrderEvents.ORDER_PLACED, new Order("o-1"));
        assertEquals(0, counters.sendFailures("orders"), "the sender returned before the send timed out");

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> counters.sendFailures("orders") > 0);
        assertEquals(1, counters.sendFailures("orders"));
        assertEquals(0, counters.sent("orders"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertEquals(1,
                registry.get("module.events.bridge.outgoing").tag("channel", "orders")
                        .tag("event", OrderEvents.ORDER_PLACED).tag("outcome", "timed-out").counter().count()));
    }

    @EventModule("order")
    public interface OrderEvents extends EventEmitter {
        @Payload(Order.class)
        String ORDER_PLACED = "order:order:placed";
    }

    public record Order(String id) {
    }

    /**
     * Consumes the channel and never acknowledges a message.
     */
    @ApplicationScoped
    public static class SilentBroker {

        @Incoming("orders")
        CompletionStage<Void> hold(Message<byte[]> message) {
            return new CompletableFuture<>();
        }
    }
}
