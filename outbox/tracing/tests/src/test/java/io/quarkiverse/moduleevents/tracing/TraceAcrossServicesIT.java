package io.quarkiverse.moduleevents.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.moduleevents.testsupport.ArtemisBroker;
import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.KafkaServer;
import io.quarkiverse.moduleevents.testsupport.PlainKafkaClient;
import io.quarkiverse.moduleevents.testsupport.ServiceProcess;

/**
 * One trace from an HTTP request to one service to the receivers of another, across a broker: two packaged services
 * with {@code quarkus-opentelemetry} run as processes against one Kafka broker and one Artemis (AMQP 1.0) broker that
 * this JVM starts. The direct service sends without the outbox; the outbox service sends through its outbox table and
 * relay, and receives through its inbox, also to a durable receiver. Each receiver reports the trace id that
 * {@code Span.current()} gives it, and the sending request returns its HTTP server span's.
 */
class TraceAcrossServicesIT {

    private static final String FROM_DIRECT = "from-direct";
    private static final String FROM_OUTBOX = "from-outbox";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final Path TARGET = Path.of("target");
    private static final String BUILD = "./mvnw -f outbox/pom.xml verify -pl tracing/direct-service,tracing/outbox-service";

    private static KafkaServer kafka;
    private static ArtemisBroker artemis;
    private static ServiceProcess directService;
    private static ServiceProcess outboxService;

    @BeforeAll
    static void start() {
        String run = UUID.randomUUID().toString();
        kafka = new KafkaServer(FreePorts.next(), TARGET.resolve("kafka-data").resolve(run)).start();
        kafka.createTopic(FROM_DIRECT, 1);
        kafka.createTopic(FROM_OUTBOX, 1);
        artemis = new ArtemisBroker(0, TARGET.resolve("artemis-data").resolve(run), true,
                List.of(FROM_DIRECT, FROM_OUTBOX)).start();
        Map<String, String> config = Map.of("kafka.bootstrap.servers", kafka.bootstrapServers(), "amqp-port",
                String.valueOf(artemis.port()));
        Path logs = TARGET.resolve("tracing-services");
        directService = ServiceProcess.launch("direct-service", ServiceProcess.packagedJar("direct-service", BUILD),
                config, logs);
        outboxService = ServiceProcess.launch("outbox-service", ServiceProcess.packagedJar("outbox-service", BUILD),
                config, logs);
        directService.awaitReady("/traces/received", TIMEOUT);
        outboxService.awaitReady("/traces/received", TIMEOUT);
    }

    @AfterAll
    static void stop() {
        for (AutoCloseable running : new AutoCloseable[] { outboxService, directService, artemis, kafka }) {
            if (running != null) {
                try {
                    running.close();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            }
        }
    }

    /**
     * The direct service sends without the outbox and the outbox service receives through its inbox; the outbox
     * service sends through its outbox and relay and the direct service receives without an inbox.
     */
    @ParameterizedTest
    @CsvSource({ "direct-service, kafka", "direct-service, amqp", "outbox-service, kafka", "outbox-service, amqp" })
    void theRemoteReceiverOfTheOtherServiceContinuesTheSendersTrace(String sender, String broker) {
        ServiceProcess sending = sender.equals(directService.name()) ? directService : outboxService;
        ServiceProcess receiving = sending == directService ? outboxService : directService;
        String id = UUID.randomUUID().toString();

        String senderTrace = send(sending, broker, id);

        assertEquals(senderTrace, awaitTrace(receiving, "remote:" + id));
    }

    /**
     * The CloudEvents distributed-tracing extension ({@code ce_traceparent}) is the sender's context, and the Kafka
     * connector's own {@code traceparent}, of its producer span, belongs to the same trace.
     */
    @ParameterizedTest
    @CsvSource({ "direct-service, " + FROM_DIRECT, "outbox-service, " + FROM_OUTBOX })
    void theKafkaRecordCarriesTheSendersTraceparent(String sender, String topic) {
        ServiceProcess sending = sender.equals(directService.name()) ? directService : outboxService;
        String id = UUID.randomUUID().toString();

        String senderTrace = send(sending, "kafka", id);

        try (PlainKafkaClient client = new PlainKafkaClient(kafka.bootstrapServers())) {
            ConsumerRecord<String, byte[]> record = client.awaitRecord(topic,
                    candidate -> PlainKafkaClient.text(candidate).contains(id));
            assertEquals(senderTrace, traceId(PlainKafkaClient.header(record, "ce_traceparent")));
            assertEquals(senderTrace, traceId(PlainKafkaClient.header(record, "traceparent")));
        }
    }

    @Test
    void aDurableReceiverContinuesTheSendersTrace() {
        String id = UUID.randomUUID().toString();

        String senderTrace = send(directService, "kafka", id);

        assertEquals(senderTrace, awaitTrace(outboxService, "durable:" + id));
        assertEquals(senderTrace, awaitTrace(outboxService, "remote:" + id));
    }

    @Test
    void aRelayRunningLongAfterTheSendContinuesTheSendersTrace() {
        String id = UUID.randomUUID().toString();
        String senderTrace;
        kafka.stop();
        try {
            long failingBefore = failing();
            senderTrace = send(outboxService, "kafka", id);
            // the relay tried to publish the row and failed: the publication that succeeds comes later
            await().atMost(TIMEOUT).until(() -> failing() > failingBefore);
        } finally {
            kafka.start();
        }

        assertEquals(senderTrace, awaitTrace(directService, "remote:" + id));
    }

    /** the trace id of a W3C {@code traceparent}: {@code 00-<trace id>-<span id>-<flags>} */
    private static String traceId(String traceparent) {
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"),
                () -> "not a traceparent: " + traceparent);
        return traceparent.split("-")[1];
    }

    /**
     * @return the trace id of the sending request's HTTP server span
     */
    private static String send(ServiceProcess service, String broker, String id) {
        String traceId = given().baseUri(service.url()).post("/traces/" + broker + "/" + id).then().statusCode(200)
                .extract().asString();
        assertTrue(traceId.matches("[0-9a-f]{32}") && !traceId.matches("0+"), () -> "no trace: " + traceId);
        return traceId;
    }

    /**
     * @return the trace id the receiver reported for the key, once it did
     */
    private static String awaitTrace(ServiceProcess service, String key) {
        return await().atMost(TIMEOUT).until(() -> received(service).get(key), traceId -> traceId != null);
    }

    private static Map<String, String> received(ServiceProcess service) {
        return given().baseUri(service.url()).get("/traces/received").then().statusCode(200).extract().jsonPath()
                .getMap("$", String.class, String.class);
    }

    private static long failing() {
        return given().baseUri(outboxService.url()).get("/outbox").then().statusCode(200).extract().jsonPath()
                .getLong("failing");
    }
}
