package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySource;

/**
 * With the inbox, an incoming event's receivers run in a transaction that records its (source, id): their database
 * effects happen once even when the broker delivers the event again, and a receiver's failure rolls the record back
 * with their work, so a redelivery processes the event.
 */
class InboxTest {

    private static final String SOURCE = "/shop/order";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Db.class, Receivers.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:outbox-inbox;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.module-events.messaging.incoming.order-in.events", "order:order:placed")
            // the bridge's in-memory duplicate window would drop the redeliveries before the inbox sees them
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
        Db.execute(dataSource, "CREATE TABLE IF NOT EXISTS shipments (order_id VARCHAR(255))");
    }

    @Test
    void dropsADuplicateSoThatTheReceiversWriteOnce() throws Exception {
        String id = UUID.randomUUID().toString();
        assertNull(deliver(id, "{\"id\":\"i-1\",\"total\":1}"), "acknowledged");
        assertNull(deliver(id, "{\"id\":\"i-1\",\"total\":1}"), "the duplicate is acknowledged too");

        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM shipments WHERE order_id = 'i-1'"));
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM module_events_inbox WHERE source = ? AND id = ?",
                SOURCE, id));
    }

    @Test
    void aReceiverFailureRollsTheInboxRowBackAndARedeliveryProcessesIt() throws Exception {
        String id = UUID.randomUUID().toString();
        receivers.failures.set(1);

        Throwable rejected = deliver(id, "{\"id\":\"i-2\",\"total\":2}");

        assertNotNull(rejected, "rejected");
        assertTrue(rejected.getMessage().contains("the warehouse is closed"), rejected.getMessage());
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM module_events_inbox WHERE id = ?", id));
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM shipments WHERE order_id = 'i-2'"),
                "the receiver's write rolled back");

        assertNull(deliver(id, "{\"id\":\"i-2\",\"total\":2}"), "the redelivery is processed");
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM shipments WHERE order_id = 'i-2'"));
        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM module_events_inbox WHERE id = ?", id));
    }

    /**
     * @return {@code null} when the message was acknowledged, else the reason it was rejected
     */
    private Throwable deliver(String id, String json) throws Exception {
        byte[] data = json.getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Throwable> outcome = new CompletableFuture<>();
        DefaultIncomingCloudEventMetadata<Object> cloudEvent = new DefaultIncomingCloudEventMetadata<>("1.0", id,
                URI.create(SOURCE), OrderEvents.ORDER_PLACED, "application/json", null, null, null, null, data);
        source.send(Message.<Object> of(data, Metadata.of(cloudEvent))
                .withAck(() -> {
                    outcome.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(reason -> {
                    outcome.complete(reason);
                    return CompletableFuture.completedFuture(null);
                }));
        return outcome.get(10, TimeUnit.SECONDS);
    }

    @Singleton
    public static class Receivers {

        final AtomicInteger failures = new AtomicInteger();

        @Inject
        AgroalDataSource dataSource;

        void ship(@Observes @Remote @Named(OrderEvents.ORDER_PLACED) Order order) {
            Db.execute(dataSource, "INSERT INTO shipments (order_id) VALUES (?)", order.id());
            if (failures.getAndDecrement() > 0) {
                throw new IllegalStateException("the warehouse is closed");
            }
        }
    }
}
