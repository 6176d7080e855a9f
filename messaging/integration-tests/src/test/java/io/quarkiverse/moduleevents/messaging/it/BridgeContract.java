package io.quarkiverse.moduleevents.messaging.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.LongSupplier;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkiverse.moduleevents.messaging.BridgeCounters;
import io.quarkiverse.moduleevents.messaging.it.Arrivals.Arrival;
import io.quarkiverse.moduleevents.messaging.runtime.IncomingEventReceiver;
import io.quarkiverse.moduleevents.testsupport.LogCapture;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.QuarkusTransactionException;
import io.restassured.RestAssured;

/**
 * What the bridge does alike on every broker, and what its tests share: the proof application's module {@code user}
 * sends on {@code user-out} and receives on {@code user-in}; each subclass puts both channels on one broker and says
 * how another service sends to {@code user-in} and how to see what went out on {@code user-out}.
 */
abstract class BridgeContract {

    static final Duration WAIT = Duration.ofSeconds(20);
    /** the content type of a structured-mode CloudEvent in JSON */
    static final String STRUCTURED = "application/cloudevents+json; charset=UTF-8";

    @Inject
    UserService users;

    @Inject
    UserEvents events;

    @Inject
    Arrivals arrivals;

    @Inject
    BridgeCounters counters;

    @Inject
    MeterRegistry registry;

    /** Sends a binary-mode CloudEvent with a JSON body to {@code user-in}, as another service's bridge would. */
    abstract void sendFromAnotherService(String ceId, String source, String type, String json);

    /** Waits until the account with this id went out on {@code user-out}. */
    abstract void awaitSentOut(String accountId);

    /** Starts watching what goes out on {@code user-out} for the account with this id. */
    abstract SentOut watchSentOut(String accountId);

    /** The AsyncAPI channel binding of the broker: {@code kafka} or {@code amqp1}. */
    abstract String asyncApiBinding();

    /** How the broker's messages carry a CloudEvents attribute: {@code ce_<name>} or {@code cloudEvents:<name>}. */
    abstract String cloudEventsHeader(String attribute);

    /** What went out on {@code user-out} for one account. */
    interface SentOut {

        /**
         * Waits until the body went out for the account, and returns every body that went out for it up to it, in
         * order: sent for the same account, so with the same key and on the same partition, the marker arrives after
         * whatever was sent before it.
         */
        List<String> bodiesUpTo(String markerBody);
    }

    /**
     * Sends a message to {@code user-in} as it is given, identified on the wire by {@code messageKey}: the attributes
     * (named without the binding's prefix) as the broker's binding carries them, the content type and the body.
     */
    abstract void sendRaw(String messageKey, Map<String, String> attributes, String contentType, String body);

    /**
     * Waits until the message sent with {@code messageKey} is dead-lettered, and asserts what the broker keeps of the
     * reason.
     */
    abstract void awaitDeadLettered(String messageKey, String... reasonFragments);

    /**
     * A message whose CloudEvents attributes do not parse, or whose structured body is no JSON, is rejected with a
     * reason naming the channel and the attribute; the next good event is delivered and the service stays live.
     */
    @ParameterizedTest
    @EnumSource(MalformedCloudEvent.class)
    void aMalformedCloudEventIsRejectedAndTheChannelGoesOn(MalformedCloudEvent malformed) {
        long rejected = counters.rejected("user-in");
        long rejectedMeters = incoming("rejected");
        String messageKey = UUID.randomUUID().toString();
        String malformedAccountId = "u-malformed-" + UUID.randomUUID();
        String goodId = "u-" + UUID.randomUUID();

        try (LogCapture log = LogCapture.of(IncomingEventReceiver.class)) {
            sendRaw(messageKey, malformed.attributes(messageKey), malformed.contentType(),
                    malformed.body(malformedAccountId));
            sendFromAnotherService(UUID.randomUUID().toString(), "/mail-service/mail", UserEvents.ACCOUNT_CREATED,
                    accountJson(goodId, "Alan"));

            Awaitility.await().atMost(WAIT).until(() -> arrivals.of("remote", new Account(goodId, "Alan")).size() == 1);
            awaitCount(() -> counters.rejected("user-in"), rejected + 1);
            awaitCount(() -> incoming("rejected"), rejectedMeters + 1);
            assertContains(String.join("\n", log.messages()), "Malformed CloudEvent [channel: user-in",
                    malformed.attribute);
        }
        awaitDeadLettered(messageKey, "Malformed CloudEvent [channel: user-in", malformed.attribute);
        assertEquals(List.of(), arrivals.of("remote", new Account(malformedAccountId, "Malformed")));
        RestAssured.get("/q/health/live").then().statusCode(200).body("status", Matchers.equalTo("UP"));
    }

    /** What the bridge reads besides the binary mode it writes: a structured-mode event, its data in the envelope. */
    @Test
    void aStructuredCloudEventFromAnotherServiceReachesBothReceiversDecoded() {
        String id = "u-" + UUID.randomUUID();
        Account account = new Account(id, "Margaret");
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"" + UUID.randomUUID() + "\",\"source\":\"/mail-service/mail\","
                + "\"type\":\"" + UserEvents.ACCOUNT_CREATED + "\",\"time\":\"" + OffsetDateTime.now() + "\","
                + "\"datacontenttype\":\"application/json\",\"data\":" + accountJson(id, "Margaret") + "}";

        sendRaw(UUID.randomUUID().toString(), Map.of(), STRUCTURED, envelope);

        Awaitility.await().atMost(WAIT).until(() -> arrivals.of("remote", account).size() == 1);
        assertEquals(List.of(new Arrival("ordinary", UserEvents.ACCOUNT_CREATED, account, true)),
                arrivals.of("ordinary", account));
    }

    @Test
    void aCloudEventFromAnotherServiceReachesBothReceiversDecoded() {
        String id = "u-" + UUID.randomUUID();
        Account account = new Account(id, "Linus");
        long delivered = incoming(UserEvents.ACCOUNT_CREATED, "delivered");

        sendFromAnotherService(UUID.randomUUID().toString(), "/mail-service/mail", UserEvents.ACCOUNT_CREATED,
                accountJson(id, "Linus"));

        Awaitility.await().atMost(WAIT).until(() -> arrivals.of("remote", account).size() == 1);
        assertEquals(List.of(new Arrival("ordinary", UserEvents.ACCOUNT_CREATED, account, true)),
                arrivals.of("ordinary", account));
        awaitCount(() -> incoming(UserEvents.ACCOUNT_CREATED, "delivered"), delivered + 1);
    }

    /** The same source and id again, as a broker redelivers: dropped, and counted as a duplicate, not delivered. */
    @Test
    void aRedeliveredCloudEventIsCountedAsADuplicate() {
        String ceId = UUID.randomUUID().toString();
        String id = "u-" + UUID.randomUUID();
        long delivered = incoming(UserEvents.ACCOUNT_CREATED, "delivered");
        long duplicates = incoming(UserEvents.ACCOUNT_CREATED, "duplicate");

        sendFromAnotherService(ceId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED, accountJson(id, "Ada"));
        sendFromAnotherService(ceId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED, accountJson(id, "Ada"));
        awaitRemoteMarker();

        assertEquals(1, arrivals.of("remote", new Account(id, "Ada")).size());
        // the marker and the first of the two
        awaitCount(() -> incoming(UserEvents.ACCOUNT_CREATED, "delivered"), delivered + 2);
        awaitCount(() -> incoming(UserEvents.ACCOUNT_CREATED, "duplicate"), duplicates + 1);
    }

    @Test
    void aLocallySentAccountNeverReachesTheRemoteReceiver() {
        String id = "u-" + UUID.randomUUID();
        Account account = new Account(id, "Barbara");
        long acked = outgoing(UserEvents.ACCOUNT_CREATED, "acked");

        users.openAccount(id, "Barbara");

        assertEquals(List.of(new Arrival("ordinary", UserEvents.ACCOUNT_CREATED, account, false)),
                arrivals.of("ordinary", account));
        awaitSentOut(id);
        awaitRemoteMarker();
        assertEquals(List.of(), arrivals.of("remote", account));
        awaitCount(() -> outgoing(UserEvents.ACCOUNT_CREATED, "acked"), acked + 1);
    }

    @Test
    void sendAsyncInATransactionThatRollsBackSendsNothingButStillReachesTheAsynchronousReceiver() {
        String id = "u-" + UUID.randomUUID();
        Account account = new Account(id, "Rolled back");
        SentOut out = watchSentOut(id);
        List<CompletionStage<Account>> delivered = new ArrayList<>();

        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            delivered.add(events.sendAsync(UserEvents.ACCOUNT_CREATED, account));
            throw new IllegalStateException("the business rule failed");
        }));

        assertEquals(account, delivered.get(0).toCompletableFuture().join());
        assertEquals(List.of(new Arrival("async", UserEvents.ACCOUNT_CREATED, account, false)),
                arrivals.of("async", account));
        users.openAccount(id, "Marker");
        assertEquals(List.of(accountJson(id, "Marker")), out.bodiesUpTo(accountJson(id, "Marker")));
    }

    @Test
    void sendAsyncInATransactionThatCommitsGoesOutOnceAndReachesTheAsynchronousReceiver() {
        String id = "u-" + UUID.randomUUID();
        Account account = new Account(id, "Committed");
        SentOut out = watchSentOut(id);

        CompletionStage<Account> delivered = QuarkusTransaction.requiringNew()
                .call(() -> events.sendAsync(UserEvents.ACCOUNT_CREATED, account));

        assertEquals(account, delivered.toCompletableFuture().join());
        assertEquals(List.of(new Arrival("async", UserEvents.ACCOUNT_CREATED, account, false)),
                arrivals.of("async", account));
        users.openAccount(id, "Marker");
        assertEquals(List.of(accountJson(id, "Committed"), accountJson(id, "Marker")),
                out.bodiesUpTo(accountJson(id, "Marker")));
    }

    @Test
    void noWayOfSendingSendsAnythingFromATransactionMarkedRollbackOnly() {
        String id = "u-" + UUID.randomUUID();
        SentOut out = watchSentOut(id);

        assertThrows(QuarkusTransactionException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            QuarkusTransaction.setRollbackOnly();
            events.send(UserEvents.ACCOUNT_CREATED, new Account(id, "send"));
            assertEquals(List.of(), events.sendRobust(UserEvents.ACCOUNT_CREATED, new Account(id, "sendRobust")));
            events.sendAsync(UserEvents.ACCOUNT_CREATED, new Account(id, "sendAsync")).toCompletableFuture().join();
        }));

        users.openAccount(id, "Marker");
        assertEquals(List.of(accountJson(id, "Marker")), out.bodiesUpTo(accountJson(id, "Marker")));
    }

    /**
     * The event is on its way before any local receiver runs: one that throws, the sender catching it, cannot keep
     * it from going out, with a transaction (once it commits) or without.
     */
    @Test
    void aLocalReceiverThatThrowsCannotKeepTheEventFromGoingOut() {
        String id = "u-" + UUID.randomUUID();
        SentOut out = watchSentOut(id);

        assertThrows(IllegalStateException.class, () -> users.openAccount(id, FailingReceiver.LOCAL_FAILURE));
        QuarkusTransaction.requiringNew().run(() -> assertThrows(IllegalStateException.class,
                () -> users.openAccount(id, FailingReceiver.LOCAL_FAILURE + " in a transaction")));

        users.openAccount(id, "Marker");
        assertEquals(List.of(accountJson(id, FailingReceiver.LOCAL_FAILURE),
                accountJson(id, FailingReceiver.LOCAL_FAILURE + " in a transaction"), accountJson(id, "Marker")),
                out.bodiesUpTo(accountJson(id, "Marker")));
    }

    /**
     * Sends an account from another service and waits until the remote receiver has it: what reached
     * {@code user-in} before it has been handled by then.
     */
    void awaitRemoteMarker() {
        String id = "u-marker-" + UUID.randomUUID();
        sendFromAnotherService(UUID.randomUUID().toString(), "/mail-service/mail", UserEvents.ACCOUNT_CREATED,
                accountJson(id, "Marker"));
        Awaitility.await().atMost(WAIT).until(() -> arrivals.of("remote", new Account(id, "Marker")).size() == 1);
    }

    /**
     * @return the count of {@code module.events.bridge.outgoing} on {@code user-out}; 0 before the first such outcome
     */
    long outgoing(String event, String outcome) {
        return sum(registry.find("module.events.bridge.outgoing").tag("channel", "user-out").tag("event", event)
                .tag("outcome", outcome).counters());
    }

    /**
     * @return the count of {@code module.events.bridge.incoming} on {@code user-in}; 0 before the first such outcome
     */
    long incoming(String event, String outcome) {
        return sum(registry.find("module.events.bridge.incoming").tag("channel", "user-in").tag("event", event)
                .tag("outcome", outcome).counters());
    }

    /**
     * @return the count of {@code module.events.bridge.incoming} on {@code user-in} for every event, {@code unknown}
     *         included
     */
    long incoming(String outcome) {
        return sum(registry.find("module.events.bridge.incoming").tag("channel", "user-in").tag("outcome", outcome)
                .counters());
    }

    private static long sum(Collection<Counter> counters) {
        return (long) counters.stream().mapToDouble(Counter::count).sum();
    }

    static String accountJson(String id, String name) {
        return "{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}";
    }

    /**
     * Waits until a counter of the bridge reaches a value: the bridge counts on the thread that handles the message,
     * which may still run when the receivers' effect is already visible.
     */
    static void awaitCount(LongSupplier counter, long expected) {
        Awaitility.await().atMost(WAIT).untilAsserted(() -> assertEquals(expected, counter.getAsLong()));
    }

    static void assertContains(String text, String... fragments) {
        for (String fragment : fragments) {
            assertTrue(text != null && text.contains(fragment), () -> "'" + fragment + "' not in: " + text);
        }
    }

    @Test
    void theAsyncApiDocumentDescribesTheBridgedChannelsAndIsValid() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode document;
        try (InputStream packaged = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/module-events/asyncapi.json");
                InputStream specification = BridgeContract.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            document = json.readTree(packaged);
            JsonSchema asyncApi = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
                    .getSchema(json.readTree(specification));
            assertEquals(Set.of(), asyncApi.validate(document), "valid against the AsyncAPI 3.0.0 JSON Schema");
        }

        assertEquals("3.0.0", document.get("asyncapi").asText());
        JsonNode out = document.at("/channels/user-out.out");
        assertEquals("user-events", out.get("address").asText(), "the topic or AMQP address");
        assertTrue(out.at("/bindings").has(asyncApiBinding()), out.toString());
        assertEquals(List.of("user.account.created", "user.emails.changed"), names(out.get("messages")));
        JsonNode in = document.at("/channels/user-in.in");
        assertEquals("peer-events", in.get("address").asText());
        assertEquals("send", document.at("/operations/send.user-out.out/action").asText());
        assertEquals("#/channels/user-out.out", document.at("/operations/send.user-out.out/channel/$ref").asText());
        assertEquals("receive", document.at("/operations/receive.user-in.in/action").asText());

        JsonNode message = resolve(document, out.at("/messages/user.account.created"));
        assertEquals(UserEvents.ACCOUNT_CREATED, message.get("name").asText());
        assertEquals("application/json", message.get("contentType").asText());
        assertEquals(UserEvents.ACCOUNT_CREATED,
                message.at("/headers/properties").get(cloudEventsHeader("type")).get("const").asText());
        assertTrue(message.at("/headers/required").toString().contains(cloudEventsHeader("id")), message.toString());
        JsonNode payload = resolve(document, message.get("payload"));
        assertEquals(List.of("id", "name"), names(payload.get("properties")), "Account's JSON Schema");
    }

    private static JsonNode resolve(JsonNode document, JsonNode node) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }
}
