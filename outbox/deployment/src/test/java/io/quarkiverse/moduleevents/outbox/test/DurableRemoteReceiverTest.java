package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;

/**
 * A durable receiver of {@code @Remote} events: its record is written in the inbox's transaction, so a synchronous
 * receiver that throws there rolls it back with the inbox row, and the redelivery records it again; after the
 * commit it is called with {@code @Remote}.
 */
class DurableRemoteReceiverTest {

    private static final String SOURCE = "/shop/order";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Db.class,
                    IncomingDeliveries.class, Receivers.class))
            .overrideConfigKey("quarkus.application.name", "shipping")
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:durable-remote;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
            .overrideConfigKey("quarkus.module-events.messaging.incoming.order-in.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.incoming-duplicates.window", "0S")
            .overrideConfigKey("mp.messaging.incoming.order-in.connector", "smallrye-in-memory");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    Receivers receivers;

    InMemorySource<Object> source;

    @BeforeEach
    void setUp() {
        source = connector.source("order-in");
    }

    @Test
    void theRecordIsWrittenInTheInboxTransactionAndDeliveredWithRemote() throws Exception {
        assertNull(IncomingDeliveries.deliver(source, SOURCE, UUID.randomUUID().toString(),
                "{\"id\":\"r-1\",\"total\":1}"), "acknowledged");

        Db.await("the durable receiver is called", () -> receivers.durable("r-1").size() == 1);
        assertEquals(List.of(OrderEvents.ORDER_PLACED), receivers.durable("r-1"));
        Db.await("the record is deleted", () -> records("r-1") == 0);
    }

    @Test
    void aReceiverThatThrowsInTheInboxTransactionRollsTheRecordBack() throws Exception {
        String id = UUID.randomUUID().toString();
        receivers.synchronousFailures.set(1);

        Throwable rejected = IncomingDeliveries.deliver(source, SOURCE, id, "{\"id\":\"r-2\",\"total\":2}");

        assertNotNull(rejected, "rejected");
        assertTrue(rejected.getMessage().contains("the warehouse is closed"), rejected.getMessage());
        assertEquals(0, records("r-2"), "the record rolled back with the inbox row");

        assertNull(IncomingDeliveries.deliver(source, SOURCE, id, "{\"id\":\"r-2\",\"total\":2}"),
                "the redelivery is processed");
        Db.await("the durable receiver is called once", () -> receivers.durable("r-2").size() == 1);
        Db.await("the record is deleted", () -> records("r-2") == 0);
        assertEquals(1, receivers.durable("r-2").size());
    }

    private long records(String subject) {
        return Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox WHERE subject = ? AND remote = TRUE",
                subject);
    }

    @Singleton
    public static class Receivers {

        final AtomicInteger synchronousFailures = new AtomicInteger();
        private final List<String> durable = new CopyOnWriteArrayList<>();

        void onRemoteOrder(@Observes @Remote @Named(OrderEvents.ORDER_PLACED) Order order) {
            if (synchronousFailures.getAndDecrement() > 0) {
                throw new IllegalStateException("the warehouse is closed");
            }
        }

        @Durable
        void onRemoteOrderDurably(@Observes @Remote @Named(OrderEvents.ORDER_PLACED) Order order,
                EventMetadata metadata) {
            durable.add(order.id() + " " + EventEmitter.nameOf(metadata));
        }

        List<String> durable(String orderId) {
            return durable.stream().filter(call -> call.startsWith(orderId + " "))
                    .map(call -> call.substring(orderId.length() + 1)).toList();
        }
    }
}
