package io.quarkiverse.moduleevents.outbox.kafka;

import static io.quarkiverse.moduleevents.outbox.kafka.ReadinessCheck.await;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkiverse.moduleevents.testsupport.PlainKafkaClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The outbox's meters and readiness check on a real Kafka broker that goes down and comes back: while the relay cannot
 * publish, the pending rows and their lag grow and the readiness check {@code module-events-outbox} goes {@code DOWN}
 * once the oldest pending row is older than {@code health.max-lag}; once the broker is back and the rows are out, both
 * are back to zero and the check is {@code UP}. The delivery timer counts the rows acknowledged by the broker and the
 * records delivered to a durable receiver. Run on each database by a subclass that configures the datasource.
 */
abstract class OutboxMetersAndReadinessContract {

    static final String TOPIC = "observed-orders";

    /**
     * @param databaseClasses the classes that the datasource's configuration needs
     * @return the application's configuration, but for its datasource
     */
    static QuarkusUnitTest application(Class<?>... databaseClasses) {
        return new QuarkusUnitTest()
                .withApplicationRoot(root -> root.addClasses(OutboxMetersAndReadinessContract.class, OrderEvents.class,
                        Order.class, Receiver.class, StoppableKafka.class, OutboxMeters.class, ReadinessCheck.class)
                        .addClasses(databaseClasses))
                .overrideConfigKey("quarkus.application.name", "shop")
                .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
                .overrideConfigKey("quarkus.module-events.outbox.relay.send-timeout", "1s")
                .overrideConfigKey("quarkus.module-events.outbox.relay.initial-backoff", "100ms")
                .overrideConfigKey("quarkus.module-events.outbox.relay.max-backoff", "500ms")
                .overrideConfigKey("quarkus.module-events.outbox.relay.max-attempts", "1000")
                .overrideConfigKey("quarkus.module-events.outbox.health.max-lag", "2s")
                .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events",
                        OrderEvents.ORDER_PLACED)
                .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-kafka")
                .overrideConfigKey("mp.messaging.outgoing.order-out.topic", TOPIC)
                .overrideConfigKey("kafka.bootstrap.servers", StoppableKafka.bootstrapServers())
                .overrideConfigKey("quarkus.kafka.devservices.enabled", "false")
                .overrideConfigKey("quarkus.http.test-port", "0");
    }

    @Inject
    OrderEvents orders;

    @Inject
    Receiver receiver;

    @Inject
    MeterRegistry registry;

    @Test
    void rowsAndLagGrowWhileTheBrokerIsDownAndTheCheckGoesDownThenUpAgain() {
        StoppableKafka.start();
        try {
            deliversThroughAnOutage(new OutboxMeters(registry));
        } finally {
            StoppableKafka.close();
        }
    }

    private void deliversThroughAnOutage(OutboxMeters meters) {
        send("a-1");
        await("the event reaches the broker and the durable receiver", () -> receiver.orders.contains("a-1")
                && meters.deliveries("channel") == 1 && meters.deliveries("receiver") == 1);
        await("no row is pending", () -> meters.rows("pending") == 0 && meters.lag() == 0);
        ReadinessCheck.awaitStatus("UP");

        StoppableKafka.stop();
        try {
            send("b-1");
            send("b-2");
            await("the rows wait, failing, and the check goes DOWN once the oldest is older than max-lag",
                    () -> meters.rows("pending") == 2 && meters.rows("failing") >= 1 && meters.lag() > 2);
            ReadinessCheck.awaitStatus("DOWN").body(ReadinessCheck.CHECK + ".data.pending", is(2));
            // b-1 and b-2 are of different subjects, which the durable receivers' delivery may run side by side
            assertEquals(List.of("a-1", "b-1", "b-2"), receiver.orders.stream().sorted().toList(),
                    "the durable receiver does not wait for the broker");
        } finally {
            StoppableKafka.start();
        }

        await("the rows are out once the broker is back", () -> meters.rows("pending") == 0 && meters.lag() == 0);
        ReadinessCheck.awaitStatus("UP").body(ReadinessCheck.CHECK + ".data.pending", is(0));
        assertTrue(published().containsAll(List.of("a-1", "b-1", "b-2")), "every event reached the topic");
        assertTrue(meters.deliveries("channel") >= 3, "each acknowledged row is timed");
        assertTrue(meters.deliveryTotalSeconds("channel") > 2,
                "a row is timed from its writing: b-1 waited longer than max-lag");
        assertEquals(3, meters.deliveries("receiver"), "each durable delivery is timed once");
        assertEquals(0, meters.rows("dead"));
    }

    private void send(String orderId) {
        QuarkusTransaction.requiringNew().run(() -> orders.send(OrderEvents.ORDER_PLACED, new Order(orderId, 1)));
    }

    /**
     * @return the order ids of the events on the topic
     */
    private static List<String> published() {
        try (PlainKafkaClient kafka = new PlainKafkaClient(StoppableKafka.bootstrapServers())) {
            return kafka.records(TOPIC).stream()
                    .map(record -> new String(record.value(), StandardCharsets.UTF_8).replaceAll(".*\"id\":\"([^\"]+)\".*",
                            "$1"))
                    .toList();
        }
    }

    @Singleton
    public static class Receiver {

        final List<String> orders = new CopyOnWriteArrayList<>();

        @Durable
        void onOrder(@Observes @Named(OrderEvents.ORDER_PLACED) Order order) {
            orders.add(order.id());
        }
    }
}
