package io.quarkiverse.moduleevents.shareddatabase;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.KafkaServer;
import io.quarkiverse.moduleevents.testsupport.PlainKafkaClient;
import io.quarkiverse.moduleevents.testsupport.PostgresServer;
import io.quarkiverse.moduleevents.testsupport.ServiceProcess;

/**
 * Two applications of different names, {@code shop} and {@code billing} (the service split from it), each packaged
 * with the outbox and its inbox and run as a process, on ONE PostgreSQL database (one {@code module_events_outbox},
 * one {@code module_events_inbox}) and one Kafka broker. Both send events through the outbox and receive events
 * through the inbox: the shop's order events go to billing, billing's invoices to the shop, both send notifications on
 * the same channel and topic, and both receive the same messages of a third service, the warehouse, whose CloudEvents
 * ({@code source}, {@code id}) pairs are therefore the same in both services' inbox records.
 * <p>
 * Then, with rows that an instance wrote and could not send before it died: billing's relay, which routes the same
 * channel and event, leaves the shop's row alone; an instance of the shop's previous version, which does not route
 * one of the events yet (a rolling deploy), publishes the other row and leaves that one {@code PENDING}, never
 * {@code DEAD}, until an instance of the current version runs.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServicesOnOneDatabaseIT {

    private static final String BUILD = "./mvnw verify -pl outbox/shared-database/tests -am";
    private static final String READY = "/events/channels/orders";
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final int N = 10;
    private static final String WAREHOUSE = "/warehouse/stock";
    // the events of the services' modules (the services' classes are not on this test's class path)
    private static final String PLACED = "order:orders:placed";
    private static final String CANCELLED = "order:orders:cancelled";
    private static final String ISSUED = "billing:invoices:issued";
    private static final String RESERVED = "stock:items:reserved";
    private static final String MAIL = "notification:mails:requested";

    private static Path data;
    private static PostgresServer database;
    private static KafkaServer kafka;
    private static PlainKafkaClient warehouse;
    private static final List<ServiceProcess> running = new CopyOnWriteArrayList<>();
    private static ServiceProcess shop;
    private static ServiceProcess billing;

    @BeforeAll
    static void start() throws IOException {
        Path target = Files.createDirectories(Path.of("target"));
        data = Files.createTempDirectory(target, "shared-database-");
        database = new PostgresServer("shared-db", FreePorts.next(), data.resolve("db")).start();
        kafka = new KafkaServer(FreePorts.next(), data.resolve("kafka")).start();
        for (String topic : List.of("orders", "invoices", "stock", "mails")) {
            kafka.createTopic(topic, 1);
        }
        warehouse = new PlainKafkaClient(kafka.bootstrapServers());
        // at once, on an empty database: each creates the outbox's tables on its start, one after the other
        CompletableFuture<ServiceProcess> startingShop = CompletableFuture.supplyAsync(() -> start("shop", "shop",
                Map.of()));
        billing = start("billing", "billing", Map.of());
        shop = startingShop.join();
    }

    @AfterAll
    static void stop() {
        // at once: each may take seconds to stop
        running.parallelStream().forEach(ServiceProcess::close);
        if (warehouse != null) {
            warehouse.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (database != null) {
            database.close();
        }
    }

    @Test
    @Order(1)
    void bothServicesSendAndReceiveThroughTheOutboxAndTheirOwnInbox() throws Exception {
        List<String> stockIds = new ArrayList<>();
        for (int i = 1; i <= N; i++) {
            send(shop, PLACED, "order-" + i);
            send(billing, ISSUED, "invoice-" + i);
            send(shop, MAIL, "shop-mail-" + i);
            send(billing, MAIL, "billing-mail-" + i);
            // the same message twice, as a broker that redelivers it: each service processes it once
            String id = UUID.randomUUID().toString();
            stockIds.add(id);
            for (int copy = 0; copy < 2; copy++) {
                warehouse.send("stock", "item-" + i, ("{\"id\":\"item-" + i + "\"}").getBytes(StandardCharsets.UTF_8),
                        Map.of("ce_specversion", "1.0", "ce_id", id, "ce_source", WAREHOUSE,
                                "ce_type", RESERVED, "ce_time", OffsetDateTime.now().toString(),
                                "content-type", "application/json"));
            }
        }

        await("every event received by each service that receives it, every second copy dropped", () -> received(
                "billing", PLACED).size() == N
                && received("shop", ISSUED).size() == N
                && received("shop", RESERVED).size() == N
                && received("billing", RESERVED).size() == N
                && counter(shop, "stock", "duplicates") == N && counter(billing, "stock", "duplicates") == N);
        assertEquals(subjects("order-", N), received("billing", PLACED));
        assertEquals(subjects("invoice-", N), received("shop", ISSUED));
        assertEquals(subjects("item-", N), received("shop", RESERVED));
        assertEquals(subjects("item-", N), received("billing", RESERVED));
        assertEquals(List.of(), strings("SELECT service || ' ' || event || ' ' || subject || ' ' || deliveries"
                + " FROM received WHERE deliveries <> 1"), "each event processed once");
        assertEquals(4L * N, count("SELECT COUNT(*) FROM received"), "nothing else received");
        for (String id : stockIds) {
            assertEquals(List.of("billing", "shop"), strings("SELECT service FROM module_events_inbox"
                    + " WHERE source = ? AND id = ? ORDER BY service", WAREHOUSE, id),
                    "the same source and id recorded for both services");
        }

        await("every row published", () -> count("SELECT COUNT(*) FROM module_events_outbox") == 0);
        assertEquals(sources("/shop/order", N), sources("orders"));
        assertEquals(sources("/billing/billing", N), sources("invoices"));
        List<String> mails = new ArrayList<>(sources("/billing/notification", N));
        mails.addAll(sources("/shop/notification", N));
        assertEquals(mails, sources("mails"));
        assertEquals(N, counter(shop, "orders", "sent"));
        assertEquals(N, counter(shop, "mails", "sent"), "the shop's relay sent the shop's notifications");
        assertEquals(N, counter(billing, "invoices", "sent"));
        assertEquals(N, counter(billing, "mails", "sent"), "billing's relay sent billing's notifications");
        assertEquals(0, counter(shop, "stock", "rejected") + counter(billing, "stock", "rejected")
                + counter(shop, "invoices", "rejected") + counter(billing, "orders", "rejected"));
    }

    @Test
    @Order(2)
    void aRowWaitsForAnInstanceOfItsServiceThatRoutesIt() throws Exception {
        shop.close();
        // an instance of the shop whose broker address leads nowhere: it writes its rows and dies before its relay
        // could send them, as an instance killed right after its commit
        ServiceProcess unpublished = start("shop-unpublished", "shop", Map.of(
                "kafka.bootstrap.servers", FreePorts.HOST + ":" + FreePorts.next(),
                "quarkus.module-events.outbox.relay.send-timeout", "1S",
                "quarkus.module-events.outbox.relay.max-attempts", "1000"));
        send(unpublished, CANCELLED, "order-rolling");
        send(unpublished, MAIL, "shop-mail-late");
        unpublished.kill();
        assertEquals(List.of("order-rolling PENDING", "shop-mail-late PENDING"), rows("shop"));
        // the rows are due again, and free, once the dead instance's lease and backoff ended: another relay that
        // claimed rows of the same channel and event now would take them
        await("the rows due and not leased", () -> count("SELECT COUNT(*) FROM module_events_outbox WHERE"
                + " lease_until > now() OR next_attempt_at > now()") == 0);
        List<String> before = rowsWithAttempts("shop");

        send(billing, MAIL, "billing-mail-marker");
        awaitRecord("mails", "billing-mail-marker");
        assertEquals(before, rowsWithAttempts("shop"), "billing's relay, which routes mails, left the shop's rows"
                + " alone");
        assertTrue(subjectsOn("mails").stream().noneMatch("shop-mail-late"::equals));

        // the previous version routes notifications and order:orders:placed, not order:orders:cancelled; any row it
        // claimed and could not send would be DEAD at once
        ServiceProcess previous = start("shop-previous", "shop-previous", Map.of(
                "quarkus.module-events.outbox.relay.max-attempts", "1"));
        awaitRecord("mails", "shop-mail-late");
        // of the cancelled order's subject: waits behind the row only the current version sends
        send(previous, PLACED, "order-rolling");
        send(previous, PLACED, "order-marker");
        await("the marker received", () -> received("billing", PLACED).contains("order-marker"));
        assertEquals(List.of(before.get(0), "order-rolling PENDING 0"), rowsWithAttempts("shop"),
                "neither tried nor dead");
        assertTrue(subjectsOn("orders").stream().noneMatch("order-rolling"::equals));

        shop.restart(READY);
        await("the waiting rows received", () -> received("billing", CANCELLED).contains("order-rolling")
                && received("billing", PLACED).contains("order-rolling"));
        await("every row published", () -> count("SELECT COUNT(*) FROM module_events_outbox") == 0);
        assertEquals(List.of("order-rolling " + CANCELLED, "order-rolling " + PLACED),
                recordsOf("orders", "order-rolling"), "in the order of the subject's rows");
        assertEquals(List.of(), strings("SELECT service || ' ' || event || ' ' || subject || ' ' || deliveries"
                + " FROM received WHERE deliveries <> 1"), "each event processed once");
    }

    private static ServiceProcess start(String name, String jar, Map<String, String> overrides) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.module-events.outbox.relay.poll-interval", "0.2S");
        config.putAll(overrides);
        ServiceProcess process = ServiceProcess.start(name, ServiceProcess.packagedJar(jar, BUILD), config,
                Path.of("target", "shared-database-logs"), READY);
        running.add(process);
        return process;
    }

    private static void send(ServiceProcess service, String event, String subject) throws IOException {
        int status = service.post("/events/" + event + "/" + subject).statusCode();
        assertEquals(204, status, service.name() + " sending " + event + " " + subject);
    }

    /** a counter of the bridge on a channel of the service: sent, received, rejected or duplicates */
    private static long counter(ServiceProcess service, String channel, String name) throws IOException {
        String body = service.get("/events/channels/" + channel).body();
        Matcher matcher = Pattern.compile("\"" + name + "\":(\\d+)").matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("No " + name + " in " + body);
        }
        return Long.parseLong(matcher.group(1));
    }

    private static Set<String> received(String service, String event) {
        return new TreeSet<>(strings("SELECT subject FROM received WHERE service = ? AND event = ?", service, event));
    }

    private static Set<String> subjects(String prefix, int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> prefix + i).collect(Collectors.toCollection(TreeSet::new));
    }

    /** {@code n} times the source, as {@link #sources(String)} lists a topic's records of one service */
    private static List<String> sources(String source, int n) {
        return IntStream.range(0, n).mapToObj(i -> source).toList();
    }

    /** the CloudEvents source of each record on the topic, sorted; fails when a CloudEvents id is there twice */
    private static List<String> sources(String topic) {
        List<ConsumerRecord<String, byte[]>> records = kafka.readAll(topic);
        assertEquals(records.size(), records.stream().map(record -> KafkaServer.header(record, "ce_id")).distinct()
                .count(), "no event twice on " + topic);
        return records.stream().map(record -> KafkaServer.header(record, "ce_source")).sorted().toList();
    }

    private static List<String> subjectsOn(String topic) {
        return kafka.readAll(topic).stream().map(record -> KafkaServer.header(record, "ce_subject")).toList();
    }

    /** subject and type of the topic's records of a subject, in the topic's order */
    private static List<String> recordsOf(String topic, String subject) {
        return kafka.readAll(topic).stream().filter(record -> subject.equals(KafkaServer.header(record, "ce_subject")))
                .map(record -> subject + " " + KafkaServer.header(record, "ce_type")).toList();
    }

    private static void awaitRecord(String topic, String subject) {
        warehouse.awaitRecord(topic, record -> subject.equals(PlainKafkaClient.header(record, "ce_subject")));
    }

    /** a service's outbox rows, subject and status, in order of writing */
    private static List<String> rows(String service) {
        return strings("SELECT subject || ' ' || status FROM module_events_outbox WHERE service = ? ORDER BY seq",
                service);
    }

    /** a service's outbox rows, subject, status and attempts, in order of writing */
    private static List<String> rowsWithAttempts(String service) {
        return strings("SELECT subject || ' ' || status || ' ' || attempts FROM module_events_outbox"
                + " WHERE service = ? ORDER BY seq", service);
    }

    private static void await(String what, Callable<Boolean> condition) {
        Awaitility.await(what).atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(condition);
    }

    private static long count(String sql, String... parameters) {
        return Long.parseLong(strings(sql, parameters).get(0));
    }

    private static List<String> strings(String sql, String... parameters) {
        try (Connection connection = database.connect(); PreparedStatement select = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                select.setString(i + 1, parameters[i]);
            }
            List<String> values = new ArrayList<>();
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    values.add(result.getString(1));
                }
            }
            return values;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
