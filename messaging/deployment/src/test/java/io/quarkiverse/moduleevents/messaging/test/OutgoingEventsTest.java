package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.messaging.BridgeCounters;
import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkiverse.moduleevents.spi.DeclaredEventFiring;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;

/**
 * Events selected for an outgoing channel go out as binary CloudEvents with a JSON payload: once, after commit, never
 * after a rollback nor from a transaction marked rollback-only (with {@code sendAsync} too), also when a local receiver
 * throws, and never when they came from the broker.
 */
class OutgoingEventsTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Email.class, Receivers.class))
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.user-out.events",
                    "user:account:created,user:emails:created")
            .overrideConfigKey("quarkus.module-events.messaging.source", "user-service")
            .overrideConfigKey("mp.messaging.outgoing.user-out.connector", "smallrye-in-memory");

    @Inject
    UserEvents users;

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    BridgeCounters counters;

    @Inject
    Receivers receivers;

    private static final String MARKER_ADDRESS = "marker@example.com";
    private static final String MARKER_PAYLOAD = "{\"address\":\"" + MARKER_ADDRESS + "\"}";

    InMemorySink<byte[]> sink;

    @BeforeEach
    void clear() {
        sink = connector.sink("user-out");
        sink.clear();
    }

    @Test
    void sendsThePayloadAsJsonWithEveryCloudEventsAttribute() {
        ZonedDateTime before = ZonedDateTime.now();
        long sentBefore = counters.sent("user-out");

        users.send(UserEvents.ACCOUNT_CREATED, new User("u-1", "Ada"));

        Message<byte[]> message = single();
        assertEquals("{\"id\":\"u-1\",\"name\":\"Ada\"}", new String(message.getPayload(), StandardCharsets.UTF_8));
        OutgoingCloudEventMetadata<?> cloudEvent = message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        assertEquals("user:account:created", cloudEvent.getType());
        assertEquals(URI.create("/user-service/user"), cloudEvent.getSource());
        assertEquals(UUID.fromString(cloudEvent.getId()).toString(), cloudEvent.getId());
        assertTrue(!cloudEvent.getTimeStamp().orElseThrow().isBefore(before.minusSeconds(1)));
        assertEquals(Optional.of("application/json"), cloudEvent.getDataContentType());
        assertEquals(Optional.of("u-1"), cloudEvent.getSubject(), "the @EventSubject of User");
        assertEquals(Map.of(), cloudEvent.getExtensions(), "no trace context without quarkus-opentelemetry");
        assertEquals(sentBefore + 1, counters.sent("user-out"), "the sink acknowledged it");
    }

    @Test
    void sendsWithoutSubjectWhenThePayloadHasNoEventSubject() {
        users.send(UserEvents.EMAIL_CREATED, new Email("ada@example.com"));

        Message<byte[]> message = single();
        assertEquals("{\"address\":\"ada@example.com\"}", new String(message.getPayload(), StandardCharsets.UTF_8));
        OutgoingCloudEventMetadata<?> cloudEvent = message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow();
        assertEquals("user:emails:created", cloudEvent.getType());
        assertEquals(Optional.empty(), cloudEvent.getSubject());
    }

    @Test
    void eachEventGetsItsOwnId() {
        users.send(UserEvents.ACCOUNT_CREATED, new User("u-1", "Ada"));
        users.send(UserEvents.ACCOUNT_CREATED, new User("u-1", "Ada"));

        List<String> ids = awaitMessages(2).stream()
                .map(message -> message.getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getId()).toList();
        assertEquals(2, ids.stream().distinct().count());
    }

    @Test
    void sendsOnlyOnceTheTransactionCommits() {
        QuarkusTransaction.requiringNew().run(() -> {
            users.send(UserEvents.ACCOUNT_CREATED, new User("u-2", "Grace"));
            assertEquals(List.of(), sink.received(), "nothing goes out before the commit");
        });
        assertEquals("u-2", single().getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getSubject()
                .orElseThrow());
    }

    @Test
    void sendsNothingWhenTheTransactionRollsBack() {
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            users.send(UserEvents.ACCOUNT_CREATED, new User("u-3", "Linus"));
            throw new IllegalStateException("payment refused");
        }));

        assertEquals(List.of(MARKER_PAYLOAD), payloads(sendMarkerAndAwaitIt()));
    }

    @Test
    void sendAsyncGoesOutOnce() {
        users.sendAsync(UserEvents.ACCOUNT_CREATED, new User("u-4", "Barbara")).toCompletableFuture().join();

        assertEquals("u-4", single().getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getSubject()
                .orElseThrow());
        assertEquals(List.of("{\"id\":\"u-4\",\"name\":\"Barbara\"}", MARKER_PAYLOAD), payloads(sendMarkerAndAwaitIt()),
                "neither the synchronous observer nor a second send");
    }

    @Test
    void sendAsyncSendsNothingWhenTheTransactionRollsBack() {
        List<CompletionStage<User>> delivered = new ArrayList<>();
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            delivered.add(users.sendAsync(UserEvents.ACCOUNT_CREATED, new User("u-6", "Edsger")));
            throw new IllegalStateException("payment refused");
        }));
        delivered.get(0).toCompletableFuture().join();

        assertEquals(List.of(MARKER_PAYLOAD), payloads(sendMarkerAndAwaitIt()));
        assertEquals(List.of(new User("u-6", "Edsger")), receivers.asynchronous("u-6"),
                "the asynchronous receivers are not bound to the transaction");
    }

    @Test
    void sendAsyncGoesOutOnlyOnceTheTransactionCommits() {
        CompletionStage<User> delivered = QuarkusTransaction.requiringNew().call(() -> {
            CompletionStage<User> stage = users.sendAsync(UserEvents.ACCOUNT_CREATED, new User("u-7", "Frances"));
            stage.toCompletableFuture().join();
            assertEquals(List.of(), sink.received(), "nothing goes out before the commit");
            return stage;
        });

        assertEquals("u-7", single().getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getSubject()
                .orElseThrow());
        assertEquals(new User("u-7", "Frances"), delivered.toCompletableFuture().join());
        assertEquals(List.of(new User("u-7", "Frances")), receivers.asynchronous("u-7"));
    }

    @Test
    void sendsNothingFromATransactionMarkedRollbackOnly() {
        assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            QuarkusTransaction.setRollbackOnly();
            users.send(UserEvents.ACCOUNT_CREATED, new User("u-8", "send"));
            assertEquals(List.of(), users.sendRobust(UserEvents.ACCOUNT_CREATED, new User("u-8", "sendRobust")));
            users.sendAsync(UserEvents.ACCOUNT_CREATED, new User("u-8", "sendAsync")).toCompletableFuture().join();
        }));

        assertEquals(List.of(MARKER_PAYLOAD), payloads(sendMarkerAndAwaitIt()));
    }

    @Test
    void aLocalReceiverThatThrowsDoesNotKeepTheEventFromGoingOut() {
        assertThrows(IllegalStateException.class,
                () -> users.send(UserEvents.ACCOUNT_CREATED, new User("u-9", Receivers.THROWS)));
        QuarkusTransaction.requiringNew().run(() -> assertThrows(IllegalStateException.class,
                () -> users.send(UserEvents.ACCOUNT_CREATED, new User("u-10", Receivers.THROWS))));

        List<String> subjects = sendMarkerAndAwaitIt().stream().map(message -> String.valueOf(message
                .getMetadata(OutgoingCloudEventMetadata.class).orElseThrow().getSubject().orElse("marker"))).toList();
        assertEquals(List.of("u-9", "u-10", "marker"), subjects);
    }

    @Test
    void remoteEventsAreNeverSentAgain() {
        Arc.container().instance(DeclaredEventFiring.class).get()
                .fire("user", UserEvents.ACCOUNT_CREATED, new User("u-5", "Alan"), Remote.Literal.INSTANCE);

        assertEquals(List.of(MARKER_PAYLOAD), payloads(sendMarkerAndAwaitIt()));
    }

    @Test
    void eventsNotSelectedStayLocal() {
        users.send(UserEvents.PHONE_CREATED, "+41 00 000 00 00");

        assertEquals(List.of(MARKER_PAYLOAD), payloads(sendMarkerAndAwaitIt()));
    }

    @Singleton
    public static class Receivers {

        static final String THROWS = "throws";

        private final List<User> asynchronous = new CopyOnWriteArrayList<>();

        void onAccount(@Observes @Named(UserEvents.ACCOUNT_CREATED) User user) {
            if (THROWS.equals(user.name())) {
                throw new IllegalStateException("the local receiver failed");
            }
        }

        void onAccountAsynchronously(@ObservesAsync @Named(UserEvents.ACCOUNT_CREATED) User user) {
            asynchronous.add(user);
        }

        List<User> asynchronous(String id) {
            return asynchronous.stream().filter(user -> user.id().equals(id)).toList();
        }
    }

    private Message<byte[]> single() {
        return awaitMessages(1).get(0);
    }

    @SuppressWarnings("unchecked")
    private List<Message<byte[]>> awaitMessages(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> sink.received().size() >= count);
        List<Message<byte[]>> received = (List<Message<byte[]>>) sink.received();
        assertEquals(count, received.size(), () -> "messages: " + received);
        return received;
    }

    /**
     * Sends a selected event, which must go out, and waits until it has: what the test sent before it and should not
     * go out had as long to do so.
     */
    @SuppressWarnings("unchecked")
    private List<Message<byte[]>> sendMarkerAndAwaitIt() {
        users.send(UserEvents.EMAIL_CREATED, new Email(MARKER_ADDRESS));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> payloads((List<Message<byte[]>>) sink.received()).contains(MARKER_PAYLOAD));
        return (List<Message<byte[]>>) sink.received();
    }

    private static List<String> payloads(List<Message<byte[]>> messages) {
        return messages.stream().map(message -> new String(message.getPayload(), StandardCharsets.UTF_8)).toList();
    }
}
