package io.quarkiverse.moduleevents.outbox.kafka;

import static io.quarkiverse.moduleevents.outbox.kafka.ReadinessCheck.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkiverse.moduleevents.outbox.OutboxAdmin;
import io.quarkiverse.moduleevents.outbox.OutboxEntry;
import io.quarkiverse.moduleevents.outbox.OutboxStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;

/**
 * A {@code DEAD} row older than {@code health.max-lag} keeps the readiness check {@code UP}: it waits for a person,
 * not for the instance. The gauge of {@code DEAD} rows counts it, a failed delivery is not timed, and Prometheus's
 * {@code /q/metrics} shows the meters under the names the documentation's queries use.
 */
class DeadRowsKeepReadinessUpTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, FailingReceiver.class,
                    SharedKafka.class, OutboxMeters.class, ReadinessCheck.class))
            .overrideConfigKey("quarkus.application.name", "shop")
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:outbox-dead;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
            .overrideConfigKey("quarkus.module-events.outbox.relay.max-attempts", "1")
            .overrideConfigKey("quarkus.module-events.outbox.health.max-lag", "2s")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", OrderEvents.ORDER_PLACED)
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-kafka")
            .overrideConfigKey("mp.messaging.outgoing.order-out.topic", "dead-orders")
            .overrideConfigKey("kafka.bootstrap.servers", SharedKafka.bootstrapServers())
            .overrideConfigKey("quarkus.kafka.devservices.enabled", "false")
            .overrideConfigKey("quarkus.http.test-port", "0");

    @Inject
    OrderEvents orders;

    @Inject
    OutboxAdmin admin;

    @Inject
    MeterRegistry registry;

    @Test
    void aDeadRowOlderThanMaxLagKeepsTheCheckUp() {
        OutboxMeters meters = new OutboxMeters(registry);
        QuarkusTransaction.requiringNew().run(() -> orders.send(OrderEvents.ORDER_PLACED, new Order("d-1", 1)));

        await("the broker acknowledges the event and the durable receiver's record is DEAD",
                () -> meters.deliveries("channel") == 1 && meters.rows("dead") == 1 && meters.rows("pending") == 0);
        OutboxEntry dead = admin.list(OutboxStatus.DEAD, 10).get(0);
        await("the DEAD row is older than max-lag",
                () -> Duration.between(dead.createdAt(), Instant.now()).compareTo(Duration.ofSeconds(3)) > 0);
        ReadinessCheck.awaitStatus("UP").body(ReadinessCheck.CHECK + ".data.dead", is(1))
                .body(ReadinessCheck.CHECK + ".data.pending", is(0));
        assertEquals(0, meters.lag(), "no row is pending");
        assertEquals(0, meters.deliveries("receiver"), "a failed delivery is not timed");
        RestAssured.get("/q/metrics").then()
                .body(containsString("module_events_outbox_rows{status=\"dead\"} 1"))
                .body(containsString("module_events_outbox_lag_seconds 0"))
                .body(containsString("module_events_outbox_delivery_seconds_count{kind=\"channel\"} 1"));
    }

    @Singleton
    public static class FailingReceiver {

        @Durable
        void onOrder(@Observes @Named(OrderEvents.ORDER_PLACED) Order order) {
            throw new IllegalStateException("the warehouse is closed");
        }
    }
}
