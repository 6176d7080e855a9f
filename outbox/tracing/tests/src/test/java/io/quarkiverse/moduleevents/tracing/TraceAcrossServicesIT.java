package io.quarkiverse.moduleevents.tracing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkiverse.moduleevents.testsupport.ArtemisBroker;
import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.KafkaServer;
import io.quarkiverse.moduleevents.testsupport.PlainKafkaClient;
import io.quarkiverse.moduleevents.testsupport.ServiceProcess;
import io.quarkiverse.moduleevents.tracing.ExportedSpans.Span;

/**
 * One trace from an HTTP request to one service to the receivers of another, across a broker: two packaged services
 * with {@code quarkus-opentelemetry} run as processes against one Kafka broker and one Artemis (AMQP 1.0) broker that
 * this JVM starts. The direct service sends without the outbox; the outbox service sends through its outbox table and
 * relay, and receives through its inbox, also to a durable receiver. Each service exports its spans to an in-memory
 * exporter that the test reads over HTTP, and each receiver reports the span that {@code Span.current()} gives it: the
 * test follows that span's parents, through both services' exported spans, up to the sending request's HTTP server
 * span.
 */
class TraceAcrossServicesIT {

    private static final String FROM_DIRECT = "from-direct";
    private static final String FROM_OUTBOX = "from-outbox";
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** the HTTP server span of {@code POST /traces/<broker>/<id>}, as {@link Span#described()} ends */
    private static final String SENDING_REQUEST = " SERVER POST /traces/{broker}/{id}";
    private static final int TRACE_ID = 1;
    private static final int SPAN_ID = 2;
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

    /** keeps each test's look-ups small; a span of an earlier test exported later belongs to another trace anyway */
    @BeforeEach
    void forgetEarlierSpans() {
        ExportedSpans.forget(directService);
        ExportedSpans.forget(outboxService);
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
     * The direct service sends without the outbox, at once in the request's span, and the outbox service receives
     * through its inbox; the outbox service sends through its outbox, whose relay publishes in a span of its own, and
     * the direct service receives without an inbox.
     */
    @ParameterizedTest
    @CsvSource({ "direct-service, kafka", "direct-service, amqp", "outbox-service, kafka", "outbox-service, amqp" })
    void theRemoteReceiverOfTheOtherServiceContinuesTheSendersTrace(String sender, String broker) {
        ServiceProcess sending = sender.equals(directService.name()) ? directService : outboxService;
        ServiceProcess receiving = sending == directService ? outboxService : directService;
        String id = UUID.randomUUID().toString();

        send(sending, broker, id);

        List<String> expected = new ArrayList<>();
        expected.add(receiving.name() + " CONSUMER process " + event(broker));
        if (sending == outboxService) {
            expected.add(sending.name() + " PRODUCER publish " + event(broker));
        }
        expected.add(sending.name() + SENDING_REQUEST);
        assertReceiverContinuesTheRequestsTrace(receiving, "remote:" + id, sending, broker, id, expected);
    }

    /**
     * The CloudEvents distributed-tracing extension ({@code ce_traceparent}) is the context of the span the event was
     * sent in, and the Kafka connector's own {@code traceparent} is that of its producer span, a child of it.
     */
    @ParameterizedTest
    @CsvSource({ "direct-service, " + FROM_DIRECT, "outbox-service, " + FROM_OUTBOX })
    void theKafkaRecordCarriesTheSendersTraceparent(String sender, String topic) {
        ServiceProcess sending = sender.equals(directService.name()) ? directService : outboxService;
        String id = UUID.randomUUID().toString();

        send(sending, "kafka", id);

        ConsumerRecord<String, byte[]> record;
        try (PlainKafkaClient client = new PlainKafkaClient(kafka.bootstrapServers())) {
            record = client.awaitRecord(topic, candidate -> PlainKafkaClient.text(candidate).contains(id));
        }
        String[] eventContext = traceparent(PlainKafkaClient.header(record, "ce_traceparent"));
        String[] connectorContext = traceparent(PlainKafkaClient.header(record, "traceparent"));
        List<String> expected = sending == outboxService
                ? List.of(sending.name() + " PRODUCER publish " + event("kafka"), sending.name() + SENDING_REQUEST)
                : List.of(sending.name() + SENDING_REQUEST);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            ExportedSpans spans = ExportedSpans.of(sending);
            Span request = spans.request(sending, path("kafka", id));
            Span sentIn = spans.span(sending, eventContext[SPAN_ID]);
            Span connector = spans.span(sending, connectorContext[SPAN_ID]);
            assertEquals(request.traceId(), eventContext[TRACE_ID]);
            assertEquals(request.traceId(), connectorContext[TRACE_ID]);
            assertNotNull(sentIn, "the span of ce_traceparent is not exported");
            assertEquals(expected, described(spans.chain(sentIn)));
            assertNotNull(connector, "the span of traceparent is not exported");
            assertEquals("PRODUCER", connector.kind());
            assertEquals(sentIn.spanId(), connector.parentSpanId());
        });
    }

    /** The durable receiver is notified in a span of its own, a child of the one the event was received in. */
    @Test
    void aDurableReceiverContinuesTheSendersTrace() {
        String id = UUID.randomUUID().toString();

        send(directService, "kafka", id);

        String processed = outboxService.name() + " CONSUMER process " + event("kafka");
        String request = directService.name() + SENDING_REQUEST;
        assertReceiverContinuesTheRequestsTrace(outboxService, "durable:" + id, directService, "kafka", id,
                List.of(outboxService.name() + " INTERNAL deliver " + event("kafka"), processed, request));
        assertReceiverContinuesTheRequestsTrace(outboxService, "remote:" + id, directService, "kafka", id,
                List.of(processed, request));
    }

    /**
     * The relay's attempts while Kafka is down fail, each in a publish span of the sender's trace, and the one that
     * succeeds once Kafka is back still publishes under the sender's context.
     */
    @Test
    void aRelayRunningLongAfterTheSendContinuesTheSendersTrace() {
        String id = UUID.randomUUID().toString();
        kafka.stop();
        try {
            long failingBefore = failing();
            send(outboxService, "kafka", id);
            // the relay tried to publish the row and failed: the publication that succeeds comes later
            await().atMost(TIMEOUT).until(() -> failing() > failingBefore);
        } finally {
            kafka.start();
        }

        String publish = outboxService.name() + " PRODUCER publish " + event("kafka");
        assertReceiverContinuesTheRequestsTrace(directService, "remote:" + id, outboxService, "kafka", id,
                List.of(directService.name() + " CONSUMER process " + event("kafka"), publish,
                        outboxService.name() + SENDING_REQUEST));
        ExportedSpans spans = ExportedSpans.of(outboxService);
        List<String> inTrace = described(spans.trace(spans.request(outboxService, path("kafka", id)).traceId()));
        assertTrue(inTrace.stream().filter(publish::equals).count() >= 2,
                () -> "no failed publication before the one that succeeded: " + inTrace);
    }

    /**
     * Awaits the span the receiver ran in, then asserts that its parents, exported by the receiving and the sending
     * service, lead to the sending request's HTTP server span, and that every span of that trace descends from it.
     *
     * @param expected the chain from the receiver's span up to the request's, each as {@link Span#described()}
     */
    private static void assertReceiverContinuesTheRequestsTrace(ServiceProcess receiving, String receiver,
            ServiceProcess sending, String broker, String id, List<String> expected) {
        Map<String, String> receiverSpan = await().atMost(TIMEOUT).until(() -> received(receiving).get(receiver),
                Objects::nonNull);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            ExportedSpans spans = ExportedSpans.of(directService, outboxService);
            Span request = spans.request(sending, path(broker, id));
            Span received = spans.span(receiving, receiverSpan.get("spanId"));
            assertEquals(request.traceId(), receiverSpan.get("traceId"), "the receiver's Span.current()");
            assertNotNull(received, () -> "the receiver's span is not exported: " + receiverSpan);
            List<Span> chain = spans.chain(received);
            assertEquals(expected, described(chain));
            assertEquals(request, chain.get(chain.size() - 1));
            for (Span span : spans.trace(request.traceId())) {
                assertEquals(request, last(spans.chain(span)), () -> span + " does not descend from the request");
            }
        });
    }

    private static Span last(List<Span> chain) {
        return chain.get(chain.size() - 1);
    }

    private static List<String> described(List<Span> spans) {
        return spans.stream().map(Span::described).toList();
    }

    /** the name of the event the services send on the broker */
    private static String event(String broker) {
        return "traced:" + broker + ":sent";
    }

    /** a W3C {@code traceparent}, {@code 00-<trace id>-<span id>-<flags>}, split at its dashes */
    private static String[] traceparent(String traceparent) {
        assertTrue(traceparent != null && traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}"),
                () -> "not a traceparent: " + traceparent);
        return traceparent.split("-");
    }

    private static String path(String broker, String id) {
        return "/traces/" + broker + "/" + id;
    }

    private static void send(ServiceProcess service, String broker, String id) {
        given().baseUri(service.url()).post(path(broker, id)).then().statusCode(204);
    }

    /**
     * @return what the receivers reported, by receiver and event id: the trace and span ids of their span
     */
    private static Map<String, Map<String, String>> received(ServiceProcess service) {
        return given().baseUri(service.url()).get("/traces/received").then().statusCode(200).extract().jsonPath()
                .getMap("$");
    }

    private static long failing() {
        return given().baseUri(outboxService.url()).get("/outbox").then().statusCode(200).extract().jsonPath()
                .getLong("failing");
    }
}
