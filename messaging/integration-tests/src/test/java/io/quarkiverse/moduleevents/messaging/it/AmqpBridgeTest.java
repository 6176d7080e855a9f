package io.quarkiverse.moduleevents.messaging.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.moduleevents.messaging.it.Arrivals.Arrival;
import io.quarkiverse.moduleevents.messaging.runtime.IncomingEventReceiver;
import io.quarkiverse.moduleevents.testsupport.ArtemisBroker;
import io.quarkiverse.moduleevents.testsupport.LogCapture;
import io.quarkiverse.moduleevents.testsupport.PlainAmqpClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.vertx.amqp.AmqpMessage;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/**
 * The bridge on a real AMQP 1.0 broker (embedded ActiveMQ Artemis): module {@code user} sends on {@code user-out}
 * (anycast queue {@code user-events}) and receives on {@code user-in} (anycast queue {@code peer-events});
 * everything on the wire is read and written with a plain AMQP client, and queue depths are read from the broker.
 */
@QuarkusTest
@WithTestResource(value = ArtemisTestResource.class, initArgs = {
        @ResourceArg(name = ArtemisTestResource.QUEUES, value = "user-events,peer-events"),
        @ResourceArg(name = ArtemisTestResource.PERSISTENT, value = "false") })
@TestProfile(BrokerProfiles.Amqp.class)
class AmqpBridgeTest extends BridgeContract {

    private static final String OUT = "user-events";
    private static final String IN = "peer-events";
    private static final String NOT_AN_ACCOUNT = "{\"id\":{\"not\":\"a string\"},\"name\":\"Alan\"}";

    @InjectArtemis
    ArtemisBroker broker;

    PlainAmqpClient amqp;

    @BeforeEach
    void connect() {
        amqp = new PlainAmqpClient(broker.host(), broker.port());
    }

    @AfterEach
    void disconnect() {
        amqp.close();
    }

    @Override
    String asyncApiBinding() {
        return "amqp1";
    }

    @Override
    String cloudEventsHeader(String attribute) {
        return "cloudEvents:" + attribute;
    }

    @Override
    void sendFromAnotherService(String ceId, String source, String type, String json) {
        amqp.send(IN, cloudEvent(ceId, source, type, json));
    }

    @Override
    void awaitSentOut(String accountId) {
        amqp.receive(OUT).awaitOne(m -> accountId.equals(prop(m, "cloudEvents:subject")), WAIT);
    }

    @Override
    SentOut watchSentOut(String accountId) {
        PlainAmqpClient.Received out = amqp.receive(OUT);
        return marker -> {
            out.awaitOne(m -> marker.equals(body(m)), WAIT);
            return out.messages().stream().filter(m -> accountId.equals(prop(m, "cloudEvents:subject")))
                    .map(AmqpBridgeTest::body).toList();
        };
    }

    @Override
    void sendRaw(String messageKey, Map<String, String> attributes, String contentType, String body) {
        JsonObject properties = new JsonObject();
        attributes.forEach((name, value) -> properties.put("cloudEvents:" + name, value));
        amqp.send(IN, AmqpMessage.create().id(messageKey).durable(true).contentType(contentType)
                .applicationProperties(properties).withBufferAsBody(Buffer.buffer(body)).build());
    }

    /** AMQP's rejected outcome carries no reason: the contract finds it in the log. */
    @Override
    void awaitDeadLettered(String messageKey, String... reasonFragments) {
        amqp.receive(ArtemisBroker.DLQ).awaitOne(m -> messageKey.equals(m.id()), WAIT);
    }

    @Test
    void anAccountGoesOutAsADurableBinaryCloudEvent() {
        String id = "u-" + UUID.randomUUID();
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        PlainAmqpClient.Received out = amqp.receive(OUT);

        users.openAccount(id, "Ada");

        AmqpMessage message = out.awaitOne(m -> id.equals(prop(m, "cloudEvents:subject")), WAIT);
        assertEquals("1.0", prop(message, "cloudEvents:specversion"));
        assertEquals(UserEvents.ACCOUNT_CREATED, prop(message, "cloudEvents:type"));
        assertEquals("/user-service/user", prop(message, "cloudEvents:source"));
        String ceId = prop(message, "cloudEvents:id");
        assertEquals(UUID.fromString(ceId).toString(), ceId);
        OffsetDateTime time = OffsetDateTime.parse(prop(message, "cloudEvents:time"));
        assertTrue(!time.isBefore(before) && !time.isAfter(OffsetDateTime.now().plusSeconds(1)), "time " + time);
        assertEquals("application/json", message.contentType());
        assertTrue(message.isDurable(), "durable");
        assertEquals(accountJson(id, "Ada"), body(message));
    }

    @Test
    void anEventWithoutSubjectGoesOutWithoutSubject() {
        String userId = "u-" + UUID.randomUUID();
        PlainAmqpClient.Received out = amqp.receive(OUT);

        users.changeEmail(userId, "ada@example.org");

        AmqpMessage message = out.awaitOne(m -> body(m).contains(userId), WAIT);
        assertEquals(UserEvents.EMAIL_CHANGED, prop(message, "cloudEvents:type"));
        assertNull(prop(message, "cloudEvents:subject"));
        assertEquals("{\"userId\":\"" + userId + "\",\"address\":\"ada@example.org\"}", body(message));
    }

    /**
     * What the bridge writes, it reads: the application's own message, forwarded unchanged to the incoming queue as
     * another instance of the service would have sent it, reaches the ordinary and the {@code @Remote} receiver, and
     * the loop guard keeps it from going out to {@code user-events} a second time.
     */
    @Test
    void itsOwnMessageComesBackAsARemoteEventAndIsNotSentOutAgain() {
        String id = "u-" + UUID.randomUUID();
        Account account = new Account(id, "Grace");
        PlainAmqpClient.Received out = amqp.receive(OUT);
        long sent = counters.sent("user-out");
        users.openAccount(id, "Grace");
        AmqpMessage original = out.awaitOne(m -> id.equals(prop(m, "cloudEvents:subject")), WAIT);
        awaitCount(() -> counters.sent("user-out"), sent + 1);

        amqp.send(IN, AmqpMessage.create().durable(true).contentType(original.contentType())
                .applicationProperties(original.applicationProperties()).withBufferAsBody(original.bodyAsBinary())
                .build());

        Awaitility.await().atMost(WAIT).until(() -> arrivals.of("remote", account).size() == 1);
        assertEquals(List.of(new Arrival("ordinary", UserEvents.ACCOUNT_CREATED, account, false),
                new Arrival("ordinary", UserEvents.ACCOUNT_CREATED, account, true)), arrivals.of("ordinary", account));

        // a later local account, which must go out: had the remote one gone out again, it would have gone first
        String markerId = "u-marker-" + UUID.randomUUID();
        users.openAccount(markerId, "Marker");
        out.awaitOne(m -> markerId.equals(prop(m, "cloudEvents:subject")), WAIT);
        assertEquals(1, out.messages().stream().filter(m -> id.equals(prop(m, "cloudEvents:subject"))).count(),
                "the remote event went out again");
        assertEquals(0, broker.messageCount(OUT));
        awaitCount(() -> counters.sent("user-out"), sent + 2);
        Awaitility.await().atMost(WAIT).until(() -> broker.messageCount(IN) == 0);
    }

    /**
     * An undeclared type and undecodable data are rejected, with a reason naming channel, id and type; Artemis moves
     * rejected messages to its dead-letter queue, and the channel goes on consuming.
     */
    @Test
    void rejectedMessagesGoToTheDeadLetterQueueAndTheChannelGoesOn() {
        long rejected = counters.rejected("user-in");
        long deadLetters = broker.messageCount(ArtemisBroker.DLQ);
        String undeclaredId = UUID.randomUUID().toString();
        String undecodableId = UUID.randomUUID().toString();
        String goodId = "u-" + UUID.randomUUID();

        try (LogCapture log = LogCapture.of(IncomingEventReceiver.class)) {
            amqp.send(IN, cloudEvent(undeclaredId, "/mail-service/mail", "user:account:deleted", "{\"id\":\"x\"}"));
            // JSON, but not an Account; malformed JSON never reaches the bridge on AMQP: the connector decodes an
            // application/json body itself, and logs and skips a message it cannot decode
            amqp.send(IN, cloudEvent(undecodableId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED, NOT_AN_ACCOUNT));
            amqp.send(IN, cloudEvent(UUID.randomUUID().toString(), "/mail-service/mail", UserEvents.ACCOUNT_CREATED,
                    accountJson(goodId, "Alan")));

            Awaitility.await().atMost(WAIT).until(() -> arrivals.of("remote", new Account(goodId, "Alan")).size() == 1);
            awaitCount(() -> counters.rejected("user-in"), rejected + 2);
            assertContains(String.join("\n", log.messages()), "Event type is not declared by any module",
                    "[channel: user-in, id: " + undeclaredId + ", type: user:account:deleted",
                    "Event data cannot be decoded into " + Account.class.getName(),
                    "[channel: user-in, id: " + undecodableId + ", type: " + UserEvents.ACCOUNT_CREATED);
        }
        Awaitility.await().atMost(WAIT).until(() -> broker.messageCount(ArtemisBroker.DLQ) == deadLetters + 2);
        assertEquals(0, broker.messageCount(IN));
        PlainAmqpClient.Received dlq = amqp.receive(ArtemisBroker.DLQ);
        assertEquals("{\"id\":\"x\"}", body(dlq.awaitOne(m -> undeclaredId.equals(prop(m, "cloudEvents:id")), WAIT)));
        assertEquals(NOT_AN_ACCOUNT, body(dlq.awaitOne(m -> undecodableId.equals(prop(m, "cloudEvents:id")), WAIT)));
        assertFalse(arrivals.all().stream().anyMatch(a -> a.payload() instanceof Account account
                && account.id().equals("x")), "the undeclared type reached a receiver");
    }

    /**
     * The same source and id twice reach the receivers once; both messages are accepted, so the queue is empty. The
     * same id from another source is another event.
     */
    /**
     * A receiver that throws an {@link Error} rejects the message as an exception does: it is counted, logged with
     * the error and dead-lettered, and the channel goes on consuming.
     */
    @Test
    void aReceiverThatThrowsAnErrorRejectsTheMessageAndTheChannelGoesOn() {
        long rejected = counters.rejected("user-in");
        long deadLetters = broker.messageCount(ArtemisBroker.DLQ);
        String assertionId = UUID.randomUUID().toString();
        String recursionId = UUID.randomUUID().toString();
        String goodId = "u-" + UUID.randomUUID();

        try (LogCapture log = LogCapture.of(IncomingEventReceiver.class)) {
            amqp.send(IN, cloudEvent(assertionId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED,
                    "{\"id\":\"u-4\",\"name\":\"" + FailingReceiver.ASSERTION + "\"}"));
            amqp.send(IN, cloudEvent(recursionId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED,
                    "{\"id\":\"u-5\",\"name\":\"" + FailingReceiver.RECURSION + "\"}"));
            amqp.send(IN, cloudEvent(UUID.randomUUID().toString(), "/mail-service/mail", UserEvents.ACCOUNT_CREATED,
                    "{\"id\":\"" + goodId + "\",\"name\":\"Barbara\"}"));

            Awaitility.await().atMost(WAIT)
                    .until(() -> arrivals.of("remote", new Account(goodId, "Barbara")).size() == 1);
            assertEquals(rejected + 2, counters.rejected("user-in"));
            assertContains(String.join("\n", log.messages()),
                    "A receiver failed [channel: user-in, id: " + assertionId, "java.lang.AssertionError",
                    "A receiver failed [channel: user-in, id: " + recursionId, "java.lang.StackOverflowError");
        }
        Awaitility.await().atMost(WAIT).until(() -> broker.messageCount(ArtemisBroker.DLQ) == deadLetters + 2);
        assertEquals(0, broker.messageCount(IN));
    }

    @Test
    void aDuplicateIsDroppedAndBothMessagesAreAccepted() {
        String id = "u-" + UUID.randomUUID();
        String ceId = UUID.randomUUID().toString();
        String data = accountJson(id, "Edsger");
        long duplicates = counters.duplicates("user-in");
        long received = counters.received("user-in");
        Account account = new Account(id, "Edsger");

        amqp.send(IN, cloudEvent(ceId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED, data));
        amqp.send(IN, cloudEvent(ceId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED, data));

        awaitCount(() -> counters.duplicates("user-in"), duplicates + 1);
        Awaitility.await().atMost(WAIT).until(() -> broker.messageCount(IN) == 0);
        awaitCount(() -> counters.received("user-in"), received + 1);
        assertEquals(1, arrivals.of("remote", account).size());
        assertEquals(1, arrivals.of("ordinary", account).size());

        amqp.send(IN, cloudEvent(ceId, "/billing-service/billing", UserEvents.ACCOUNT_CREATED, data));
        Awaitility.await().atMost(WAIT).until(() -> arrivals.of("remote", account).size() == 2);
        assertEquals(duplicates + 1, counters.duplicates("user-in"));
    }

    /** A binary-mode CloudEvent as another service's bridge would send it: a durable JSON Data section. */
    private static AmqpMessage cloudEvent(String id, String source, String type, String json) {
        return AmqpMessage.create().durable(true).contentType("application/json")
                .applicationProperties(new JsonObject(Map.of("cloudEvents:specversion", "1.0", "cloudEvents:id", id,
                        "cloudEvents:source", source, "cloudEvents:type", type,
                        "cloudEvents:time", OffsetDateTime.now().toString())))
                .withBufferAsBody(Buffer.buffer(json)).build();
    }

    private static String prop(AmqpMessage m, String name) {
        Object v = m.applicationProperties() == null ? null : m.applicationProperties().getValue(name);
        return v == null ? null : v.toString();
    }

    private static String body(AmqpMessage m) {
        return m.bodyAsBinary().toString(StandardCharsets.UTF_8);
    }
}
