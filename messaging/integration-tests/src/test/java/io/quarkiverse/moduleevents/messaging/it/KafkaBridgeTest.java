package io.quarkiverse.moduleevents.messaging.it;

import static io.quarkiverse.moduleevents.testsupport.PlainKafkaClient.header;
import static io.quarkiverse.moduleevents.testsupport.PlainKafkaClient.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.moduleevents.messaging.it.Arrivals.Arrival;
import io.quarkiverse.moduleevents.messaging.runtime.IncomingEventReceiver;
import io.quarkiverse.moduleevents.testsupport.KafkaServer;
import io.quarkiverse.moduleevents.testsupport.LogCapture;
import io.quarkiverse.moduleevents.testsupport.PlainKafkaClient;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;

/**
 * The bridge on a real Kafka broker (KRaft, in the test JVM): module {@code user} sends on {@code user-out} (topic
 * {@code user-events}) and receives on {@code user-in} (topic {@code peer-events}, group {@code user-service});
 * everything on the wire is read and written with plain Kafka clients.
 */
@QuarkusTest
@WithTestResource(value = KafkaTestResource.class, initArgs = @ResourceArg(name = KafkaTestResource.TOPICS, value = "user-events,peer-events,dead-letter-topic-user-in"))
@TestProfile(BrokerProfiles.Kafka.class)
class KafkaBridgeTest extends BridgeContract {

    private static final String OUT = "user-events";
    private static final String IN = "peer-events";
    private static final String DEAD_LETTERS = "dead-letter-topic-user-in";

    @InjectKafkaBroker
    KafkaServer broker;

    @Inject
    KafkaClientService kafkaClients;

    PlainKafkaClient kafka;

    @BeforeEach
    void connect() {
        kafka = new PlainKafkaClient(broker.bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        kafka.close();
    }

    @Override
    String asyncApiBinding() {
        return "kafka";
    }

    @Override
    String cloudEventsHeader(String attribute) {
        return "ce_" + attribute;
    }

    @Override
    void sendFromAnotherService(String ceId, String source, String type, String json) {
        kafka.send(IN, null, json.getBytes(StandardCharsets.UTF_8), cloudEvent(ceId, source, type));
    }

    @Override
    void awaitSentOut(String accountId) {
        kafka.awaitRecord(OUT, r -> accountId.equals(r.key()));
    }

    @Override
    SentOut watchSentOut(String accountId) {
        return marker -> kafka.awaitRecordsUpTo(OUT, r -> accountId.equals(r.key()) && marker.equals(text(r)))
                .stream().filter(r -> accountId.equals(r.key())).map(PlainKafkaClient::text).toList();
    }

    @Override
    void sendRaw(String messageKey, Map<String, String> attributes, String contentType, String body) {
        Map<String, String> headers = new HashMap<>();
        attributes.forEach((name, value) -> headers.put("ce_" + name, value));
        headers.put("content-type", contentType);
        kafka.send(IN, messageKey, body.getBytes(StandardCharsets.UTF_8), headers);
    }

    @Override
    void awaitDeadLettered(String messageKey, String... reasonFragments) {
        ConsumerRecord<String, byte[]> deadLetter = kafka.awaitRecord(DEAD_LETTERS, r -> messageKey.equals(r.key()));
        assertEquals(IN, header(deadLetter, "dead-letter-topic"));
        assertContains(header(deadLetter, "dead-letter-reason"), reasonFragments);
    }

    /**
     * The connector's own default is {@code acks=1}; the bridge's channel waits for every in-sync replica and does
     * not write a record twice when it retries.
     */
    @Test
    void theProducerWaitsForEveryReplicaAndIsIdempotent() {
        Map<String, ?> producer = kafkaClients.getProducer("user-out").configuration();

        assertEquals("all", String.valueOf(producer.get(ProducerConfig.ACKS_CONFIG)));
        assertEquals("true", String.valueOf(producer.get(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG)));
        assertEquals(StringSerializer.class.getName(),
                String.valueOf(producer.get(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG)));
        assertEquals(ByteArraySerializer.class.getName(),
                String.valueOf(producer.get(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG)));
    }

    @Test
    void anAccountGoesOutAsABinaryCloudEventKeyedByItsSubject() {
        String id = "u-" + UUID.randomUUID();
        OffsetDateTime before = OffsetDateTime.now().minusSeconds(1);
        long sent = counters.sent("user-out");

        users.openAccount(id, "Ada");

        ConsumerRecord<String, byte[]> record = kafka.awaitRecord(OUT, r -> id.equals(r.key()));
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals(UserEvents.ACCOUNT_CREATED, header(record, "ce_type"));
        assertEquals("/user-service/user", header(record, "ce_source"));
        String ceId = header(record, "ce_id");
        assertEquals(UUID.fromString(ceId).toString(), ceId);
        OffsetDateTime time = OffsetDateTime.parse(header(record, "ce_time"));
        assertTrue(!time.isBefore(before) && !time.isAfter(OffsetDateTime.now().plusSeconds(1)), "ce_time " + time);
        assertEquals("application/json", header(record, "content-type"));
        assertEquals(id, header(record, "ce_subject"));
        assertEquals(accountJson(id, "Ada"), text(record));
        awaitCount(() -> counters.sent("user-out"), sent + 1);
    }

    @Test
    void anEventWithoutSubjectGoesOutWithoutKeyAndEachEventHasItsOwnId() {
        String userId = "u-" + UUID.randomUUID();

        users.changeEmail(userId, "ada@example.org");
        users.changeEmail(userId, "ada@example.org");

        Awaitility.await().atMost(WAIT)
                .until(() -> kafka.records(OUT).stream().filter(r -> text(r).contains(userId)).count() == 2);
        List<ConsumerRecord<String, byte[]>> records = kafka.records(OUT).stream()
                .filter(r -> text(r).contains(userId)).toList();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertEquals(UserEvents.EMAIL_CHANGED, header(record, "ce_type"));
            assertNull(record.key());
            assertNull(header(record, "ce_subject"));
            assertEquals("{\"userId\":\"" + userId + "\",\"address\":\"ada@example.org\"}", text(record));
        }
        assertFalse(header(records.get(0), "ce_id").equals(header(records.get(1), "ce_id")));
    }

    /**
     * What the bridge writes, it reads: the application's own record, forwarded verbatim to the incoming topic as
     * another instance of the service would have sent it, reaches the ordinary and the {@code @Remote} receiver, and
     * the loop guard keeps it from going out on {@code user-events} a second time.
     */
    @Test
    void itsOwnRecordComesBackAsARemoteEventAndIsNotSentOutAgain() {
        String id = "u-" + UUID.randomUUID();
        Account account = new Account(id, "Grace");
        long sent = counters.sent("user-out");
        users.openAccount(id, "Grace");
        ConsumerRecord<String, byte[]> original = kafka.awaitRecord(OUT, r -> id.equals(r.key()));
        awaitCount(() -> counters.sent("user-out"), sent + 1);
        long received = counters.received("user-in");

        kafka.forward(original, IN);

        Awaitility.await().atMost(WAIT).until(() -> arrivals.of("remote", account).size() == 1);
        assertEquals(List.of(new Arrival("ordinary", UserEvents.ACCOUNT_CREATED, account, false),
                new Arrival("ordinary", UserEvents.ACCOUNT_CREATED, account, true)), arrivals.of("ordinary", account));
        assertTrue(arrivals.of("remote", account).get(0).remote());
        awaitCount(() -> counters.received("user-in"), received + 1);

        // a later local account, which must go out: had the remote one gone out again, it would be on the topic first
        String markerId = "u-marker-" + UUID.randomUUID();
        users.openAccount(markerId, "Marker");
        List<ConsumerRecord<String, byte[]>> upToMarker = kafka.awaitRecordsUpTo(OUT, r -> markerId.equals(r.key()));
        assertEquals(1, upToMarker.stream().filter(r -> id.equals(r.key())).count(),
                "the remote event went out again");
        awaitCount(() -> counters.sent("user-out"), sent + 2);
    }

    /**
     * An undeclared type and undecodable data are rejected with a reason naming channel, id and type; the Kafka
     * channel's default failure strategy writes them to the dead-letter topic, and the channel goes on consuming.
     */
    @Test
    void rejectedMessagesGoToTheDeadLetterTopicAndTheChannelGoesOn() {
        long rejected = counters.rejected("user-in");
        String undeclaredId = UUID.randomUUID().toString();
        String undecodableId = UUID.randomUUID().toString();
        String goodId = "u-" + UUID.randomUUID();

        kafka.send(IN, "k-1", "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8),
                cloudEvent(undeclaredId, "/mail-service/mail", "user:account:deleted"));
        kafka.send(IN, "k-2", "not json".getBytes(StandardCharsets.UTF_8),
                cloudEvent(undecodableId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED));
        String mismatchedId = UUID.randomUUID().toString();
        kafka.send(IN, "k-3", "{\"id\":{\"not\":\"a string\"}}".getBytes(StandardCharsets.UTF_8),
                cloudEvent(mismatchedId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED));
        long lastOffset = kafka.send(IN, goodId, accountJson(goodId, "Alan").getBytes(StandardCharsets.UTF_8),
                cloudEvent(UUID.randomUUID().toString(), "/mail-service/mail", UserEvents.ACCOUNT_CREATED));

        Awaitility.await().atMost(WAIT).until(() -> arrivals.of("remote", new Account(goodId, "Alan")).size() == 1);
        awaitCount(() -> counters.rejected("user-in"), rejected + 3);

        ConsumerRecord<String, byte[]> undeclared = kafka.awaitRecord(DEAD_LETTERS,
                r -> undeclaredId.equals(header(r, "ce_id")));
        assertEquals("{\"id\":\"x\"}", text(undeclared));
        assertEquals("k-1", undeclared.key());
        assertEquals(IN, header(undeclared, "dead-letter-topic"));
        assertContains(header(undeclared, "dead-letter-reason"), "Event type is not declared by any module",
                "[channel: user-in, id: " + undeclaredId + ", type: user:account:deleted");

        ConsumerRecord<String, byte[]> undecodable = kafka.awaitRecord(DEAD_LETTERS,
                r -> undecodableId.equals(header(r, "ce_id")));
        assertEquals("not json", text(undecodable));
        assertContains(header(undecodable, "dead-letter-reason"),
                "Event data cannot be decoded into " + Account.class.getName(),
                "[channel: user-in, id: " + undecodableId + ", type: " + UserEvents.ACCOUNT_CREATED);

        assertContains(header(kafka.awaitRecord(DEAD_LETTERS, r -> mismatchedId.equals(header(r, "ce_id"))),
                "dead-letter-reason"), "[channel: user-in, id: " + mismatchedId);
        assertTrue(arrivals.all().stream().noneMatch(a -> a.payload() instanceof Account account
                && account.id().equals("x")), "the undeclared type reached a receiver");
        Awaitility.await().atMost(WAIT).until(() -> kafka.committed("user-service", IN) > lastOffset);
    }

    /**
     * A receiver that throws an {@link Error} rejects the record as an exception does: it is counted and
     * dead-lettered with the error named, and the channel goes on consuming.
     */
    @Test
    void aReceiverThatThrowsAnErrorRejectsTheRecordAndTheChannelGoesOn() {
        long rejected = counters.rejected("user-in");
        String assertionId = UUID.randomUUID().toString();
        String recursionId = UUID.randomUUID().toString();
        String goodId = "u-" + UUID.randomUUID();

        kafka.send(IN, "k-4", account("u-4", FailingReceiver.ASSERTION),
                cloudEvent(assertionId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED));
        kafka.send(IN, "k-5", account("u-5", FailingReceiver.RECURSION),
                cloudEvent(recursionId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED));
        kafka.send(IN, goodId, account(goodId, "Barbara"),
                cloudEvent(UUID.randomUUID().toString(), "/mail-service/mail", UserEvents.ACCOUNT_CREATED));

        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> arrivals.of("remote", new Account(goodId, "Barbara")).size() == 1);
        assertEquals(rejected + 2, counters.rejected("user-in"));
        assertContains(header(kafka.awaitRecord(DEAD_LETTERS, r -> assertionId.equals(header(r, "ce_id"))),
                "dead-letter-reason"), "A receiver failed [channel: user-in, id: " + assertionId,
                "java.lang.AssertionError");
        assertContains(header(kafka.awaitRecord(DEAD_LETTERS, r -> recursionId.equals(header(r, "ce_id"))),
                "dead-letter-reason"), "A receiver failed [channel: user-in, id: " + recursionId,
                "java.lang.StackOverflowError");
    }

    /**
     * What a peer sends reaches neither the log nor the dead letter's headers when it cannot be decoded, and its
     * type cannot start a new log line.
     */
    @Test
    void aPeersDataStaysOutOfTheLogAndTheDeadLetterHeaders() {
        String secret = "topsecret4711";
        String undecodableId = UUID.randomUUID().toString();
        String forgingId = UUID.randomUUID().toString();

        try (LogCapture log = LogCapture.of(IncomingEventReceiver.class)) {
            kafka.send(IN, "k-6", (secret + " is no JSON").getBytes(StandardCharsets.UTF_8),
                    cloudEvent(undecodableId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED));
            kafka.send(IN, "k-7", account("u-7", "Ada"),
                    cloudEvent(forgingId, "/mail-service/mail", "user:account:created\nERROR forged line"));

            ConsumerRecord<String, byte[]> undecodable = kafka.awaitRecord(DEAD_LETTERS,
                    r -> undecodableId.equals(header(r, "ce_id")));
            assertContains(header(undecodable, "dead-letter-reason"),
                    "Event data cannot be decoded into " + Account.class.getName(),
                    "JsonParseException (line 1, column ");
            for (Header header : undecodable.headers()) {
                if (header.key().startsWith("dead-letter")) {
                    assertFalse(new String(header.value(), StandardCharsets.UTF_8).contains(secret), header.key());
                }
            }
            ConsumerRecord<String, byte[]> forging = kafka.awaitRecord(DEAD_LETTERS,
                    r -> forgingId.equals(header(r, "ce_id")));
            assertContains(header(forging, "dead-letter-reason"), "type: user:account:created\\nERROR forged line");
            assertTrue(log.messages().stream().anyMatch(m -> m.contains(forgingId)), "the rejection was not logged");
            for (String message : log.messages()) {
                assertFalse(message.contains(secret), message);
                assertFalse(message.contains("\nERROR forged"), message);
            }
        }
    }

    private static byte[] account(String id, String name) {
        return ("{\"id\":\"" + id + "\",\"name\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The same source and id twice reach the receivers once; both records are acknowledged, so the group's committed
     * offset moves past the second. The same id from another source is another event.
     */
    @Test
    void aDuplicateIsDroppedAndBothRecordsAreCommitted() {
        String id = "u-" + UUID.randomUUID();
        String ceId = UUID.randomUUID().toString();
        byte[] data = accountJson(id, "Edsger").getBytes(StandardCharsets.UTF_8);
        long duplicates = counters.duplicates("user-in");
        long received = counters.received("user-in");
        Account account = new Account(id, "Edsger");

        kafka.send(IN, id, data, cloudEvent(ceId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED));
        long second = kafka.send(IN, id, data, cloudEvent(ceId, "/mail-service/mail", UserEvents.ACCOUNT_CREATED));

        Awaitility.await().atMost(WAIT).until(() -> kafka.committed("user-service", IN) > second);
        awaitCount(() -> counters.duplicates("user-in"), duplicates + 1);
        awaitCount(() -> counters.received("user-in"), received + 1);
        assertEquals(1, arrivals.of("remote", account).size());
        assertEquals(1, arrivals.of("ordinary", account).size());

        kafka.send(IN, id, data, cloudEvent(ceId, "/billing-service/billing", UserEvents.ACCOUNT_CREATED));
        Awaitility.await().atMost(WAIT).until(() -> arrivals.of("remote", account).size() == 2);
        assertEquals(duplicates + 1, counters.duplicates("user-in"));
    }

    /** The binary-mode CloudEvents headers another service's bridge would write. */
    private static Map<String, String> cloudEvent(String id, String source, String type) {
        return Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", source, "ce_type", type,
                "ce_time", OffsetDateTime.now().toString(), "content-type", "application/json");
    }
}
