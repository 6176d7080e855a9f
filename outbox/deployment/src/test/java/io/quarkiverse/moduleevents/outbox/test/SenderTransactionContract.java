package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;

/**
 * The outbox row of an event belongs to the sender's transaction whichever way it is sent: {@code sendAsync} writes
 * it on the sender's thread, so it commits and rolls back with the sender's work while the asynchronous receivers
 * still run; and it is written before any local receiver runs, so one that throws, caught by the sender, cannot make
 * the sender's work commit without its event. Each subclass runs it on one database.
 */
abstract class SenderTransactionContract {

    @Inject
    OrderEvents orders;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Receivers receivers;

    InMemorySink<byte[]> sink;

    @BeforeEach
    void setUp() {
        sink = connector.sink("order-out");
        sink.clear();
        Db.execute(dataSource, "CREATE TABLE IF NOT EXISTS orders (id VARCHAR(255) PRIMARY KEY)");
    }

    @Test
    void sendAsyncInATransactionThatRollsBackWritesNoRowButStillReachesTheAsynchronousReceiver() {
        List<CompletionStage<Order>> delivered = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            placeOrder("tx-1");
            delivered.add(orders.sendAsync(OrderEvents.ORDER_PLACED, new Order("tx-1", 1)));
            throw new IllegalStateException("the business rule failed");
        }));

        // the stage completes once every asynchronous receiver has returned
        assertEquals(new Order("tx-1", 1), delivered.get(0).toCompletableFuture().join());
        assertEquals(List.of(new Order("tx-1", 1)), receivers.asynchronous("tx-1"));
        assertEquals(0, rows("tx-1"), "published rows are kept, so none was ever written");
        assertEquals(0, Db.count(dataSource, "SELECT COUNT(*) FROM orders WHERE id = 'tx-1'"));
    }

    @Test
    void sendAsyncInATransactionThatCommitsWritesTheRowInItAndPublishesIt() {
        CompletionStage<Order> delivered = QuarkusTransaction.requiringNew().call(() -> {
            placeOrder("tx-2");
            CompletionStage<Order> stage = orders.sendAsync(OrderEvents.ORDER_PLACED, new Order("tx-2", 2));
            assertEquals(List.of("PENDING"), Db.strings(dataSource,
                    "SELECT status FROM module_events_outbox WHERE subject = 'tx-2'"), "written in the transaction");
            return stage;
        });

        assertEquals(new Order("tx-2", 2), delivered.toCompletableFuture().join());
        assertEquals(List.of(new Order("tx-2", 2)), receivers.asynchronous("tx-2"));
        Db.await("the event is published", () -> published().contains("tx-2"));
        assertEquals(List.of("tx-2"), published());
    }

    @Test
    void noWayOfSendingWritesARowInATransactionMarkedRollbackOnly() {
        assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            QuarkusTransaction.setRollbackOnly();
            orders.send(OrderEvents.ORDER_PLACED, new Order("tx-3", 3));
            assertEquals(List.of(), orders.sendRobust(OrderEvents.ORDER_PLACED, new Order("tx-3", 3)));
            orders.sendAsync(OrderEvents.ORDER_PLACED, new Order("tx-3", 3)).toCompletableFuture().join();
        }));

        assertEquals(0, rows("tx-3"), "published rows are kept, so none was ever written");
    }

    @Test
    void aLocalReceiverThatThrowsCaughtByTheSenderCannotMakeTheWorkCommitWithoutItsEvent() {
        QuarkusTransaction.requiringNew().run(() -> {
            placeOrder("tx-4");
            assertThrows(IllegalStateException.class,
                    () -> orders.send(OrderEvents.ORDER_PLACED, new Order("tx-4", Receivers.FAILING_TOTAL)));
        });

        assertEquals(1, Db.count(dataSource, "SELECT COUNT(*) FROM orders WHERE id = 'tx-4'"), "the work committed");
        Db.await("its event is published", () -> published().contains("tx-4"));
        assertEquals(List.of("tx-4"), published());
    }

    private void placeOrder(String id) {
        Db.execute(dataSource, "INSERT INTO orders (id) VALUES (?)", id);
    }

    private long rows(String subject) {
        return Db.count(dataSource, "SELECT COUNT(*) FROM module_events_outbox WHERE subject = ?", subject);
    }

    /** the subjects of the events published, in order */
    private List<String> published() {
        return sink.received().stream()
                .map(message -> String.valueOf(message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow()
                        .getSubject().orElse(new String(message.getPayload(), StandardCharsets.UTF_8))))
                .toList();
    }

    @Singleton
    public static class Receivers {

        static final int FAILING_TOTAL = -1;

        private final List<Order> asynchronous = new CopyOnWriteArrayList<>();

        void onOrder(@Observes @Named(OrderEvents.ORDER_PLACED) Order order) {
            if (order.total() == FAILING_TOTAL) {
                throw new IllegalStateException("the local receiver failed");
            }
        }

        void onOrderAsynchronously(@ObservesAsync @Named(OrderEvents.ORDER_PLACED) Order order) {
            asynchronous.add(order);
        }

        List<Order> asynchronous(String id) {
            return asynchronous.stream().filter(order -> order.id().equals(id)).toList();
        }
    }
}
