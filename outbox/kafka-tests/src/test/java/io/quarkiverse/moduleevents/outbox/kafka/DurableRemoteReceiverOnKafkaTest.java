package io.quarkiverse.moduleevents.outbox.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkiverse.moduleevents.testsupport.PlainKafkaClient;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A durable receiver of {@code @Remote} events from a real Kafka broker: the bridge fires each event in the inbox's
 * transaction, which writes the durable receiver's record; a synchronous receiver that throws there rolls the record
 * back with the inbox row, so that event never reaches the durable receiver; a committed one does, after the commit,
 * with {@code @Remote}.
 */
class DurableRemoteReceiverOnKafkaTest {

    private static final String TOPIC = "durable-orders";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Receivers.class,
                    SharedKafka.class))
            .overrideConfigKey("quarkus.application.name", "shipping")
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:durable-kafka;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
            .overrideConfigKey("quarkus.module-events.messaging.incoming.order-in.events", OrderEvents.ORDER_PLACED)
            .overrideConfigKey("quarkus.module-events.messaging.incoming-duplicates.window", "0S")
            .overrideConfigKey("mp.messaging.incoming.order-in.connector", "smallrye-kafka")
            .overrideConfigKey("mp.messaging.incoming.order-in.topic", TOPIC)
            .overrideConfigKey("mp.messaging.incoming.order-in.auto.offset.reset", "earliest")
            .overrideConfigKey("mp.messaging.incoming.order-in.failure-strategy", "ignore")
            .overrideConfigKey("kafka.bootstrap.servers", SharedKafka.bootstrapServers())
            .overrideConfigKey("quarkus.kafka.devservices.enabled", "false");

    @Inject
    Receivers receivers;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aRecordRolledBackWithTheInboxIsNeverDeliveredAndACommittedOneIsDeliveredWithRemote() throws SQLException {
        receivers.synchronousFailures.set(1);
        send("k-1");
        // rejected (and dropped: failure-strategy=ignore) because the synchronous receiver threw in the inbox's
        // transaction; the marker must arrive after it
        send("k-2");

        Awaitility.await().atMost(Duration.ofSeconds(60))
                .until(() -> receivers.durable.size() == 1 && records() == 0);
        assertEquals(2, receivers.synchronousCalls.get(), "both events reached the synchronous receiver");
        assertEquals(List.of("k-2 " + OrderEvents.ORDER_PLACED), receivers.durable,
                "the record written with the failed event rolled back with the inbox's transaction");
    }

    private static void send(String orderId) {
        try (PlainKafkaClient kafka = new PlainKafkaClient(SharedKafka.bootstrapServers())) {
            kafka.send(TOPIC, orderId, ("{\"id\":\"" + orderId + "\",\"total\":1}").getBytes(StandardCharsets.UTF_8),
                    Map.of("ce_specversion", "1.0", "ce_id", UUID.randomUUID().toString(), "ce_source",
                            "/shop/order", "ce_type", OrderEvents.ORDER_PLACED, "ce_time",
                            OffsetDateTime.now().toString(), "content-type", "application/json"));
        }
    }

    private long records() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection
                        .prepareStatement("SELECT COUNT(*) FROM module_events_outbox WHERE remote = TRUE");
                ResultSet result = select.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    @Singleton
    public static class Receivers {

        final AtomicInteger synchronousFailures = new AtomicInteger();
        final AtomicInteger synchronousCalls = new AtomicInteger();
        final List<String> durable = new CopyOnWriteArrayList<>();

        void onRemoteOrder(@Observes @Remote @Named(OrderEvents.ORDER_PLACED) Order order) {
            synchronousCalls.incrementAndGet();
            if (synchronousFailures.getAndDecrement() > 0) {
                throw new IllegalStateException("the warehouse is closed");
            }
        }

        @Durable
        void onRemoteOrderDurably(@Observes @Remote @Named(OrderEvents.ORDER_PLACED) Order order,
                EventMetadata metadata) {
            durable.add(order.id() + " " + EventEmitter.nameOf(metadata));
        }
    }
}
