package io.quarkiverse.moduleevents.messaging.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.messaging.BridgeCounters;
import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkiverse.moduleevents.messaging.runtime.IncomingEventRejectedException;
import io.quarkus.test.QuarkusUnitTest;
import io.smallrye.reactive.messaging.ce.impl.DefaultIncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.memory.InMemoryConnector;
import io.smallrye.reactive.messaging.memory.InMemorySink;
import io.smallrye.reactive.messaging.memory.InMemorySource;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * Messages of an incoming channel become local events with {@code @Remote}, acknowledged once the receivers
 * returned; every failure is a rejection that names channel, id and type; duplicates are dropped.
 */
class IncomingEventsTest {

    private static final String ADA = "{\"id\":\"u-1\",\"name\":\"Ada\"}";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(UserEvents.class, User.class, Email.class, Receivers.class))
            .overrideConfigKey("quarkus.module-events.messaging.incoming.user-in.events", "user:account:created")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.user-out.events", "user:account:created")
            .overrideConfigKey("quarkus.module-events.messaging.source", "mail-service")
            .overrideConfigKey("mp.messaging.incoming.user-in.connector", "smallrye-in-memory")
            .overrideConfigKey("mp.messaging.outgoing.user-out.connector", "smallrye-in-memory");

    @Inject
    @Any
    InMemoryConnector connector;

    @Inject
    Receivers receivers;

    @Inject
    UserEvents users;

    @Inject
    BridgeCounters counters;

    InMemorySource<Object> source;

    InMemorySink<byte[]> sink;

    @BeforeEach
    void clear() {
        source = connector.source("user-in");
        sink = connector.sink("user-out");
        sink.clear();
        receivers.clear();
    }

    @Test
    void firesTheDecodedPayloadToOrdinaryAndRemoteReceiversThenAcknowledges() throws Exception {
        Outcome outcome = send(UserEvents.ACCOUNT_CREATED, ADA.getBytes(StandardCharsets.UTF_8));

        assertNull(outcome.await(), "acknowledged");
        assertEquals(List.of("local:u-1:Ada", "remote:u-1:Ada"), receivers.calls());
    }

    @Test
    void decodesStringsBuffersAndJsonObjects() throws Exception {
        assertNull(send(UserEvents.ACCOUNT_CREATED, "{\"id\":\"u-2\",\"name\":\"Grace\"}").await());
        assertNull(send(UserEvents.ACCOUNT_CREATED, Buffer.buffer("{\"id\":\"u-3\",\"name\":\"Linus\"}")).await());
        assertNull(send(UserEvents.ACCOUNT_CREATED, new JsonObject().put("id", "u-4").put("name", "Alan")).await());

        assertEquals(List.of("local:u-2:Grace", "remote:u-2:Grace", "local:u-3:Linus", "remote:u-3:Linus",
                "local:u-4:Alan", "remote:u-4:Alan"), receivers.calls());
    }

    @Test
    void remoteEventsAreNotSentOutAgain() throws Exception {
        assertNull(send(UserEvents.ACCOUNT_CREATED, ADA.getBytes(StandardCharsets.UTF_8)).await());
        // a local event of the same name, which must go out: once it has, the remote one had as long to
        users.send(UserEvents.ACCOUNT_CREATED, new User("u-marker", "Marker"));

        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !sink.received().isEmpty());
        assertEquals(List.of("{\"id\":\"u-marker\",\"name\":\"Marker\"}"), sink.received().stream()
                .map(message -> new String(message.getPayload(), StandardCharsets.UTF_8)).toList(),
                "user:account:created is selected for user-out too");
    }

    @Test
    void dropsAndAcknowledgesADuplicate() throws Exception {
        String id = UUID.randomUUID().toString();
        long duplicatesBefore = counters.duplicates("user-in");

        assertNull(send(id, "/user-service/user", UserEvents.ACCOUNT_CREATED, ADA.getBytes()).await());
        assertNull(send(id, "/user-service/user", UserEvents.ACCOUNT_CREATED, ADA.getBytes()).await());
        assertNull(send(id, "/other-service/user", UserEvents.ACCOUNT_CREATED, ADA.getBytes()).await(),
                "another source may use the same id");

        assertEquals(List.of("local:u-1:Ada", "remote:u-1:Ada", "local:u-1:Ada", "remote:u-1:Ada"), receivers.calls());
        assertEquals(duplicatesBefore + 1, counters.duplicates("user-in"));
    }

    @Test
    void rejectsAnUndeclaredType() throws Exception {
        String id = UUID.randomUUID().toString();
        Throwable reason = send(id, "/user-service/user", "user:account:deleted", ADA.getBytes()).await();

        assertRejected(reason, "Event type is not declared by any module", "[channel: user-in, id: " + id
                + ", type: user:account:deleted");
        assertEquals(List.of(), receivers.calls());
    }

    @Test
    void rejectsADeclaredTypeThatIsNotSelected() throws Exception {
        Throwable reason = send(UserEvents.EMAIL_CREATED, "{\"address\":\"a@b.c\"}".getBytes()).await();

        assertRejected(reason, "Event is not selected for this channel", "type: user:emails:created",
                "quarkus.module-events.messaging.incoming.\"user-in\".events");
    }

    @Test
    void rejectsAMessageWithoutCloudEventsMetadata() throws Exception {
        Outcome outcome = new Outcome();
        source.send(outcome.attachTo(Message.of(ADA.getBytes())));

        assertRejected(outcome.await(), "Message carries no CloudEvents metadata [channel: user-in");
    }

    @Test
    void rejectsUndecodableData() throws Exception {
        String id = UUID.randomUUID().toString();
        Throwable reason = send(id, "/user-service/user", UserEvents.ACCOUNT_CREATED,
                "not json".getBytes(StandardCharsets.UTF_8)).await();

        assertRejected(reason, "Event data cannot be decoded into io.quarkiverse.moduleevents.messaging.test.User",
                "[channel: user-in, id: " + id + ", type: user:account:created");
        assertEquals(List.of(), receivers.calls());
    }

    @Test
    void rejectsWhenAReceiverThrows() throws Exception {
        long rejectedBefore = counters.rejected("user-in");
        String id = UUID.randomUUID().toString();
        Throwable reason = send(id, "/user-service/user", UserEvents.ACCOUNT_CREATED,
                "{\"id\":\"u-9\",\"name\":\"fail\"}".getBytes()).await();

        assertRejected(reason, "A receiver failed [channel: user-in, id: " + id + ", type: user:account:created",
                "mail server down");
        assertEquals(rejectedBefore + 1, counters.rejected("user-in"));

        assertNull(send(id, "/user-service/user", UserEvents.ACCOUNT_CREATED,
                "{\"id\":\"u-9\",\"name\":\"Ada\"}".getBytes()).await(), "a rejected message is no duplicate");
    }

    private static void assertRejected(Throwable reason, String... fragments) {
        assertTrue(reason instanceof IncomingEventRejectedException, () -> "not rejected by the bridge: " + reason);
        for (String fragment : fragments) {
            assertTrue(reason.getMessage().contains(fragment), () -> "'" + fragment + "' not in: " + reason.getMessage());
        }
    }

    private Outcome send(String type, Object data) {
        return send(UUID.randomUUID().toString(), "/user-service/user", type, data);
    }

    private Outcome send(String id, String cloudEventSource, String type, Object data) {
        Outcome outcome = new Outcome();
        DefaultIncomingCloudEventMetadata<Object> cloudEvent = new DefaultIncomingCloudEventMetadata<>("1.0", id,
                URI.create(cloudEventSource), type, "application/json", null, null, null, null, data);
        source.send(outcome.attachTo(Message.of(data, Metadata.of(cloudEvent))));
        return outcome;
    }

    /**
     * Completes with {@code null} on acknowledgement, and with the reason on rejection.
     */
    static final class Outcome {

        private final CompletableFuture<Throwable> result = new CompletableFuture<>();

        Message<Object> attachTo(Message<?> message) {
            return ((Message<Object>) message)
                    .withAck(() -> {
                        result.complete(null);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(reason -> {
                        result.complete(reason);
                        return CompletableFuture.completedFuture(null);
                    });
        }

        Throwable await() throws Exception {
            return result.get(10, TimeUnit.SECONDS);
        }
    }

    @ApplicationScoped
    public static class Receivers {

        private final List<String> calls = new CopyOnWriteArrayList<>();

        void local(@Observes @EventModule("user") @Named(UserEvents.ACCOUNT_CREATED) User user) {
            if (user.name().equals("fail")) {
                throw new IllegalStateException("mail server down");
            }
            calls.add("local:" + user.id() + ":" + user.name());
        }

        void remote(@Observes @Remote @Named(UserEvents.ACCOUNT_CREATED) User user) {
            calls.add("remote:" + user.id() + ":" + user.name());
        }

        List<String> calls() {
            return List.copyOf(calls);
        }

        void clear() {
            calls.clear();
        }
    }
}
