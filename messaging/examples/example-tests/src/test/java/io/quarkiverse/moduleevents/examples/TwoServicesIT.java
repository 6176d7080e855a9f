package io.quarkiverse.moduleevents.examples;

import static io.quarkiverse.moduleevents.testsupport.PlainKafkaClient.header;
import static io.quarkiverse.moduleevents.testsupport.PlainKafkaClient.text;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.KafkaServer;
import io.quarkiverse.moduleevents.testsupport.PlainKafkaClient;
import io.quarkiverse.moduleevents.testsupport.ServiceProcess;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The story of the messaging bridge, for real: the example monolith's user module and mail module run as two services,
 * two {@code java -jar} processes, talking through one Kafka broker that this JVM starts. A user registered over HTTP
 * with one service is mailed by the other, whose receivers are the monolith's, unchanged.
 */
class TwoServicesIT {

    private static final String TOPIC = "user-events";
    private static final String CHANNEL = "user-events";
    private static final String DEAD_LETTER_TOPIC = "dead-letter-topic-" + TOPIC;
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Path TARGET = Path.of("target");

    private static KafkaServer broker;
    private static PlainKafkaClient kafka;
    private static ServiceProcess userService;
    private static ServiceProcess mailService;

    @BeforeAll
    static void start() {
        broker = new KafkaServer(FreePorts.next(), TARGET.resolve("kafka-data").resolve(UUID.randomUUID().toString()))
                .start();
        // one partition, so that the tests can rely on the order of the events
        broker.createTopic(TOPIC, 1);
        kafka = new PlainKafkaClient(broker.bootstrapServers());
        Map<String, String> config = Map.of("kafka.bootstrap.servers", broker.bootstrapServers());
        Path logs = TARGET.resolve("example-services");
        userService = ServiceProcess.launch("user-service", packaged("user-service"), config, logs);
        mailService = ServiceProcess.launch("mail-service", packaged("mail-service"), config, logs);
        userService.awaitReady("/bridge/" + CHANNEL, Duration.ofSeconds(60));
        mailService.awaitReady("/bridge/" + CHANNEL, Duration.ofSeconds(60));
    }

    private static Path packaged(String service) {
        return ServiceProcess.packagedJar(service, "./mvnw -f messaging/examples/pom.xml verify");
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable running : new AutoCloseable[] { mailService, userService, kafka, broker }) {
            if (running != null) {
                try {
                    running.close();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }
        }
    }

    @Test
    void aUserRegisteredWithTheUserServiceIsMailedByTheMailService() {
        long sentBefore = sent();
        JsonPath before = counts();

        String id = register("/users", "Ada", "ada@example.com").then().statusCode(201).extract().path("id");

        // the mail module's own receivers, unchanged: the two of the account in @Priority order, then the
        // asynchronous one of the e-mail address, which came as an event of its own
        await().atMost(TIMEOUT).untilAsserted(() -> mail().queryParam("to", "ada@example.com").get("/mail/outbox")
                .then().statusCode(200)
                .body("subject", contains("Welcome, Ada", "Getting started, Ada", "Please verify ada@example.com")));

        JsonPath arrivals = mail().get("/arrivals").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> events = arrivals.getList("events");
        assertTrue(events.contains(Map.of("name", "user:account:created", "remote", true,
                "payloadType", "io.quarkiverse.moduleevents.it.user.User")), () -> "arrivals: " + events);
        assertTrue(events.contains(Map.of("name", "user:emails:created", "remote", true,
                "payloadType", "io.quarkiverse.moduleevents.it.user.Email")), () -> "arrivals: " + events);
        mail().get("/arrivals").then().body("events.remote", everyItem(is(true)))
                .body("remoteAccounts", hasItem(id));

        awaitSent(sentBefore + 2);
        user().get("/bridge/" + CHANNEL).then().body("sendFailures", is(0));
        JsonPath counts = counts();
        assertEquals(before.getLong("received") + 2, counts.getLong("received"));
        assertEquals(before.getLong("rejected"), counts.getLong("rejected"));
    }

    @Test
    void eachEventIsABinaryCloudEventFromTheUserModuleOfTheUserService() {
        long sentBefore = sent();
        String id = register("/users", "Grace", "grace@example.com").then().statusCode(201).extract().path("id");

        ConsumerRecord<String, byte[]> record = kafka.awaitRecord(TOPIC, carrying(id, "user:account:created"));
        assertEquals("user:account:created", header(record, "ce_type"));
        assertEquals("1.0", header(record, "ce_specversion"));
        assertEquals("/user-service/user", header(record, "ce_source"));
        assertNotNull(UUID.fromString(header(record, "ce_id")));
        assertNotNull(OffsetDateTime.parse(header(record, "ce_time")));
        assertEquals("application/json", header(record, "content-type"));
        // the monolith's User has no @EventSubject member, so the event has no subject and the record no key
        assertNull(record.headers().lastHeader("ce_subject"));
        assertNull(record.key());
        JsonPath data = JsonPath.from(new String(record.value(), StandardCharsets.UTF_8));
        assertEquals(Map.of("id", id, "name", "Grace", "email", "grace@example.com"), data.getMap("$"));
        awaitSent(sentBefore + 2);
    }

    @Test
    void aRolledBackRegistrationSendsNothing() {
        long sentBefore = sent();

        register("/users/transactional?fail=true", "Rolled Back", "rolled-back@example.com").then().statusCode(409);
        String id = register("/users/transactional", "Committed", "committed@example.com").then().statusCode(201)
                .extract().path("id");

        await().atMost(TIMEOUT).untilAsserted(() -> mail().queryParam("to", "committed@example.com")
                .get("/mail/outbox").then()
                .body("subject", contains("Welcome, Committed", "Getting started, Committed")));
        // one partition: had the rolled-back event gone out, it would be on the topic before the committed one
        List<ConsumerRecord<String, byte[]>> records = kafka.awaitRecordsUpTo(TOPIC,
                carrying(id, "user:account:created"));
        assertFalse(records.stream().anyMatch(record -> text(record).contains("rolled-back@example.com")),
                "the rolled-back registration sent an event");
        mail().queryParam("to", "rolled-back@example.com").get("/mail/outbox").then().body("$", empty());
        awaitSent(sentBefore + 1);
    }

    @Test
    void anEventDeliveredTwiceIsMailedOnce() {
        long sentBefore = sent();
        String id = register("/users", "Barbara", "barbara@example.com").then().statusCode(201).extract().path("id");
        await().atMost(TIMEOUT).untilAsserted(() -> mail().queryParam("to", "barbara@example.com")
                .get("/mail/outbox").then().body("subject", hasItem("Getting started, Barbara")));
        long duplicatesBefore = counts().getLong("duplicates");

        // what a redelivery looks like: the same record, the same CloudEvents id and source, once more on the topic
        ConsumerRecord<String, byte[]> original = kafka.awaitRecord(TOPIC, carrying(id, "user:account:created"));
        kafka.forward(original, TOPIC);
        // and a later registration, to know when the mail service has read past the copy
        register("/users", "Marker", "marker@example.com").then().statusCode(201);
        await().atMost(TIMEOUT).untilAsserted(() -> mail().queryParam("to", "marker@example.com")
                .get("/mail/outbox").then().body("subject", hasItem("Getting started, Marker")));

        mail().queryParam("to", "barbara@example.com").get("/mail/outbox").then()
                .body("subject",
                        contains("Welcome, Barbara", "Getting started, Barbara", "Please verify barbara@example.com"));
        assertEquals(duplicatesBefore + 1, counts().getLong("duplicates"));
        // the copy came from this test, not from the user service, which sent two events for each registration
        awaitSent(sentBefore + 4);
    }

    @Test
    void anEventTheMailServiceCannotTakeGoesToTheDeadLetterTopic() {
        long sentBefore = sent();
        long rejectedBefore = counts().getLong("rejected");
        String eventId = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> unknown = new ProducerRecord<>(TOPIC, null,
                "{\"id\":\"1\"}".getBytes(StandardCharsets.UTF_8));
        unknown.headers().add("ce_specversion", bytes("1.0")).add("ce_id", bytes(eventId))
                .add("ce_type", bytes("user:account:deleted")).add("ce_source", bytes("/elsewhere/user"))
                .add("content-type", bytes("application/json"));

        kafka.send(unknown);

        ConsumerRecord<String, byte[]> dead = kafka.awaitRecord(DEAD_LETTER_TOPIC,
                record -> eventId.equals(header(record, "ce_id")));
        assertEquals(eventId, header(dead, "ce_id"));
        String reason = header(dead, "dead-letter-reason");
        assertTrue(reason.contains("user:account:deleted") && reason.contains(eventId) && reason.contains(CHANNEL),
                () -> "the reason names the type, the id and the channel: " + reason);
        assertEquals(rejectedBefore + 1, counts().getLong("rejected"));
        // and the channel goes on: the next registration is mailed
        register("/users", "After", "after@example.com").then().statusCode(201);
        await().atMost(TIMEOUT).untilAsserted(() -> mail().queryParam("to", "after@example.com")
                .get("/mail/outbox").then().body("subject", hasItem("Welcome, After")));
        awaitSent(sentBefore + 2);
    }

    private static Response register(String path, String name, String email) {
        return user().contentType(ContentType.JSON).body(Map.of("name", name, "email", email)).post(path);
    }

    private static RequestSpecification user() {
        return given().baseUri(userService.url());
    }

    private static RequestSpecification mail() {
        return given().baseUri(mailService.url());
    }

    private static long sent() {
        return user().get("/bridge/" + CHANNEL).then().statusCode(200).extract().jsonPath().getLong("sent");
    }

    /**
     * Waits until the user service counts that many events acknowledged by the broker; each test waits for its own, so
     * that the next one starts from a settled count.
     */
    private static void awaitSent(long expected) {
        await().atMost(TIMEOUT).untilAsserted(() -> assertEquals(expected, sent()));
    }

    private static JsonPath counts() {
        return mail().get("/bridge/" + CHANNEL).then().statusCode(200).extract().jsonPath();
    }

    private static Predicate<ConsumerRecord<String, byte[]>> carrying(String userId, String type) {
        return record -> type.equals(header(record, "ce_type")) && text(record).contains(userId);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
