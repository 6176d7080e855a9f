package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.messaging.BridgeCounters;
import io.quarkiverse.moduleevents.messaging.runtime.DirectPublisher;
import io.quarkus.test.QuarkusUnitTest;

/**
 * At most {@code max-pending-sends} events wait for the broker, over all channels: one sent beyond is not sent at all,
 * but logged and counted as a send failure, and its sender is not blocked.
 */
class MaxPendingSendsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(ShopEvents.class, Order.class, Payment.class,
                    SilentBroker.class))
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.orders.events", "shop:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.payments.events", "shop:payment:taken")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop")
            .overrideConfigKey("quarkus.module-events.messaging.max-pending-sends", "2")
            // the two pending sends wait for longer than the test runs
            .overrideConfigKey("quarkus.module-events.messaging.send-timeout", "10M")
            .setLogRecordPredicate(record -> record.getLoggerName().equals(DirectPublisher.class.getName())
                    && record.getLevel().equals(Level.SEVERE))
            .assertLogRecords(records -> assertEquals(List.of("Event not sent: too many sends wait for the broker"
                    + " (quarkus.module-events.messaging.max-pending-sends=2) [id: ID, event: shop:order:placed,"
                    + " channel: orders]; it is lost, as delivery without the outbox is at most once"),
                    records.stream().map(MaxPendingSendsTest::withoutId).toList()));

    @Inject
    ShopEvents shop;

    @Inject
    BridgeCounters counters;

    @Test
    void aSendBeyondTheBoundOverAllChannelsIsNotSentButLoggedAndCounted() {
        shop.send(ShopEvents.ORDER_PLACED, new Order("o-1"));
        shop.send(ShopEvents.PAYMENT_TAKEN, new Payment("p-1"));
        assertEquals(0, counters.sendFailures("orders") + counters.sendFailures("payments"),
                "two sends may wait for the broker");

        shop.send(ShopEvents.ORDER_PLACED, new Order("o-2"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> counters.sendFailures("orders") == 1);
        assertEquals(0, counters.sendFailures("payments"));
        assertEquals(0, counters.sent("orders") + counters.sent("payments"));
    }

    private static String withoutId(LogRecord record) {
        String message = record.getParameters() == null ? record.getMessage()
                : String.format(record.getMessage(), record.getParameters());
        return message.replaceAll("id: [0-9a-f-]{36}", "id: ID");
    }

    @EventModule("shop")
    public interface ShopEvents extends EventEmitter {
        @Payload(Order.class)
        String ORDER_PLACED = "shop:order:placed";
        @Payload(Payment.class)
        String PAYMENT_TAKEN = "shop:payment:taken";
    }

    public record Order(String id) {
    }

    public record Payment(String id) {
    }

    /**
     * Consumes both channels and never acknowledges a message.
     */
    @ApplicationScoped
    public static class SilentBroker {

        @Incoming("orders")
        CompletionStage<Void> holdOrder(Message<byte[]> message) {
            return new CompletableFuture<>();
        }

        @Incoming("payments")
        CompletionStage<Void> holdPayment(Message<byte[]> message) {
            return new CompletableFuture<>();
        }
    }
}
