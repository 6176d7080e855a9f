package io.quarkiverse.moduleevents.faultinjection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkiverse.moduleevents.testsupport.FreePorts;
import io.quarkiverse.moduleevents.testsupport.PostgresServer;
import io.quarkiverse.moduleevents.testsupport.ServiceProcess;

/**
 * The fault-injection suite: real PostgreSQL servers (the producer's and the consumer's), a real broker (Kafka in
 * {@link KafkaFaultInjectionIT}, Artemis with AMQP 1.0 in {@link AmqpFaultInjectionIT}), and the packaged producer and
 * consumer built for that broker as {@code java -jar} processes, all on 127.0.0.1 and started here. Each scenario
 * places N orders (each one order row and one event in one transaction), injects one fault, waits until nothing moves
 * any more, and lets the {@link Checker} classify every business id; the table is printed and written to
 * {@code target/fault-injection-report.md}.
 * <p>
 * Every scenario asserts that its fault hit (rows in flight at the producer's kill, a redelivery reaching the restarted
 * consumer, orders committed during an outage, ...), that the orders it expects committed, and how often services
 * were restarted, so that a run in which nothing happened cannot pass.
 * <p>
 * By default both services carry {@code quarkus-module-events-outbox}, the consumer its inbox (system property
 * {@code fault-injection.outbox=true}), and the outbox's guarantees are asserted: nothing committed is lost, no
 * receiver duplicate, nothing rolled back goes out, exactly the poison inbound event dead-lettered and exactly the
 * poison outbound one {@code DEAD}, and, where the fault cannot make the relay send a row again, no CloudEvents id
 * twice on the broker. Built with {@code -Dfault-injection.baseline} ({@code fault-injection.outbox=false}), the
 * services have the bridge alone, at most once, and only what proves the run real is asserted: the table is the
 * baseline. Without the property the run fails.
 * <p>
 * System properties: {@code fault-injection.outbox} ({@code true} or {@code false}, required),
 * {@code fault-injection.events} (N, default 200), {@code fault-injection.scenarios} ({@code default}, {@code all},
 * or names separated by commas).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FaultInjectionScenarios {

    static final int N = Integer.getInteger("fault-injection.events", 200);
    /** {@code true} or {@code false}, never missing: without it the run would assert nothing and pass */
    static final String MODE = System.getProperty("fault-injection.outbox");
    static final boolean OUTBOX = Boolean.parseBoolean(MODE);
    static final String SCENARIOS = System.getProperty("fault-injection.scenarios", "default");
    /** What runs without naming scenarios: everything but the three that wait on a stopped server. */
    static final Set<String> DEFAULT = Set.of("none", "rollback", "producer-kill", "consumer-kill", "poison-inbound",
            "poison-outbound", "two-producers");
    /**
     * The scenarios whose fault does not touch the broker path, and why: they run on Kafka only, and are skipped on
     * the other brokers. {@code consumer-db-stop} is not among them: while the consumer's inbox tries its database
     * again, the message it holds stays unacknowledged and the broker holds back the channel's next messages, and
     * without that retry the connector would reject them to each broker's own dead letters.
     */
    static final Map<String, String> BROKER_INDEPENDENT = Map.of(
            "rollback", "its transactions roll back before their events reach the relay (or, without the outbox,"
                    + " the bridge)",
            "two-producers", "its two relays share one outbox through the producer's database",
            "producer-db-stop", "its fault stops the producer's database, where the relay claims and settles its"
                    + " rows, while the broker stays up");

    static final Path TARGET = Path.of("target");
    static final Duration READY_WITHIN = Duration.ofSeconds(90);
    static final Path REPORT = TARGET.resolve("fault-injection-report.md");
    /** What the consumer logs when a temporary failure of its inbox's transaction makes it try again. */
    static final String TEMPORARY_FAILURE_LOG = "temporary failure";
    static final String UNPUBLISHED = "SELECT count(*) FROM module_events_outbox WHERE status NOT IN ('PUBLISHED',"
            + " 'DEAD')";
    /** rows a relay is sending, or that a killed relay's claim keeps from the others until its lease ends */
    static final String LEASED = UNPUBLISHED + " AND lease_until > CURRENT_TIMESTAMP";

    PostgresServer producerDb;
    PostgresServer consumerDb;
    Broker broker;
    final List<Checker.Result> results = new ArrayList<>();
    final List<ServiceProcess> running = new ArrayList<>();

    /** The broker of this run, not started yet; its data goes under {@code dataDir}. */
    abstract Broker broker(Path dataDir);

    /** The broker's name in the report. */
    abstract String brokerName();

    /** Whether the scenarios whose fault does not touch the broker path ({@link #BROKER_INDEPENDENT}) run here. */
    abstract boolean runsBrokerIndependentScenarios();

    @BeforeAll
    void startServers() {
        assertTrue("true".equals(MODE) || "false".equals(MODE), () -> "Set -Dfault-injection.outbox to true (the"
                + " services carry the outbox, whose guarantees are asserted) or false (the baseline); it is "
                + MODE);
        String run = UUID.randomUUID().toString().substring(0, 8);
        Path data = TARGET.resolve("fault-injection-data").resolve(run);
        producerDb = new PostgresServer("producer-db", FreePorts.next(), data.resolve("producer-db")).start();
        consumerDb = new PostgresServer("consumer-db", FreePorts.next(), data.resolve("consumer-db")).start();
        broker = broker(data);
        broker.start();
    }

    @AfterAll
    void stopServers() throws IOException {
        StringBuilder table = new StringBuilder("\nFault injection on " + brokerName() + ", N = " + N + ", outbox: "
                + OUTBOX + "\n\n").append(Checker.Result.header()).append('\n');
        results.forEach(result -> table.append(result.row()).append('\n'));
        System.out.println(table);
        Files.writeString(REPORT, table, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        for (AutoCloseable server : new AutoCloseable[] { broker, consumerDb, producerDb }) {
            try {
                if (server != null) {
                    server.close();
                }
            } catch (Exception e) {
                e.printStackTrace();
            }
        }
    }

    @AfterEach
    void stopServices() {
        running.forEach(ServiceProcess::close);
        running.clear();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void none() throws Exception {
        Scenario s = scenario("none", Map.of());
        s.loads.run(s.producer, 1, N, "");
        s.finish();
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void rollback() throws Exception {
        Scenario s = scenario("rollback", Map.of());
        int every = N >= 200 ? N / 100 : 2;
        s.loads.run(s.producer, 1, N, "&rollbackEvery=" + every);
        assertEquals(N / every, s.loads.status(s.producer, "rolledBack"), "transactions rolled back on request");
        s.expectCommitted(N - N / every).finish();
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void producerKill() throws Exception {
        Scenario s = scenario("producer-kill", Map.of(), broker.longerInFlight());
        s.loads.start(s.producer, 1, N, "&pauseMillis=" + Math.max(1, 10_000 / N));
        await("half the orders committed" + (OUTBOX ? ", some not yet published" : ""),
                () -> s.loads.status(s.producer, "committed") >= N / 2 && (!OUTBOX || s.unpublished() > 0));
        s.producer.kill();
        long committedAtKill = s.committedOrders();
        long inFlightAtKill = OUTBOX ? s.unpublished() : 0;
        System.out.println(s.name + ": killed the producer with " + committedAtKill + " orders committed, "
                + inFlightAtKill + " of them not yet published");
        assertTrue(committedAtKill < N, "the kill came before the last order");
        // the Kafka client holds sends for its linger, so the kill catches rows it has not yet had acknowledged; an
        // AMQP broker acknowledges at once, and the relay may publish the last unpublished rows seen by the wait above
        // in the milliseconds before the kill lands
        if (OUTBOX && !broker.longerInFlight().isEmpty()) {
            assertTrue(inFlightAtKill > 0, "the kill caught outbox rows that were not published yet");
        }
        s.producer.restart("/load");
        // the same range again: committed orders are skipped, the others placed now
        s.loads.run(s.producer, 1, N, "");
        s.allowResends().finish();
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void consumerKill() throws Exception {
        String victim = businessId("consumer-kill", N / 2);
        Scenario s = scenario("consumer-kill", Map.of("fault-injection.block-after-commit-id", victim));
        s.loads.start(s.producer, 1, N, "");
        await("the consumer committed " + victim + " and holds its acknowledgement",
                () -> Loads.http(s.consumer, "/processed").contains(victim));
        s.consumer.kill();
        s.consumer.set("fault-injection.block-after-commit-id", null).restart("/processed");
        s.loads.awaitDone(s.producer);
        Checker.Result result = s.finish();
        if (OUTBOX) {
            assertTrue(Loads.number(Loads.http(s.consumer, "/processed"), "duplicates") > 0,
                    "a redelivery of the committed, unacknowledged event reached the restarted consumer's inbox");
        } else {
            assertTrue(result.receiverDuplicates() > 0, "the committed, unacknowledged event was delivered again");
        }
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void poisonInbound() throws Exception {
        String poison = businessId("poison-inbound", N / 2);
        Scenario s = scenario("poison-inbound", Map.of("fault-injection.poison-id", poison));
        s.loads.run(s.producer, 1, N, "");
        s.expectDeadLettered(poison).finish();
    }

    @Test
    @org.junit.jupiter.api.Order(6)
    void poisonOutbound() throws Exception {
        Scenario s = scenario("poison-outbound", Map.of());
        // the broker takes at most 64 KiB per message; the poison event carries 200 KB
        s.loads.run(s.producer, 1, N, "&poison=" + N / 2 + "&poisonBytes=200000");
        if (broker.refusalClosesTheSendingChannel()) {
            // each refusal takes the producer's liveness down, and the scenario restarts it: once per attempt, and
            // once more for each kill that lands before the relay recorded the refused attempt, which then is sent again
            s.expectRestarts(OUTBOX ? 1 : 0, 6).allowResends();
        }
        Checker.Result result = s.expectDead(businessId("poison-outbound", N / 2)).finish();
        if (!OUTBOX) {
            assertEquals(Set.of(businessId("poison-outbound", N / 2)), result.lostIds(), "the oversized event");
        }
    }

    @Test
    @org.junit.jupiter.api.Order(7)
    void twoProducers() throws Exception {
        Scenario s = scenario("two-producers", Map.of());
        ServiceProcess second = s.startProducer("producer-2");
        s.loads.start(s.producer, 1, N / 2, "");
        s.loads.start(second, N / 2 + 1, N, "");
        s.loads.awaitDone(s.producer);
        s.loads.awaitDone(second);
        assertEquals(N / 2, s.loads.status(s.producer, "committed"), "orders the first producer committed");
        assertEquals(N - N / 2, s.loads.status(second, "committed"), "orders the second producer committed");
        // two relays on one outbox: neither sends a row that the other sent
        s.finish();
    }

    @Test
    @org.junit.jupiter.api.Order(8)
    void brokerStop() throws Exception {
        Scenario s = scenario("broker-stop", Map.of());
        Outage outage = s.outage(40_000, broker::stop, 20_000, broker::start);
        assertTrue(outage.committed() > 0, "orders committed while the broker was down");
        if (OUTBOX) {
            assertTrue(outage.unpublishedAtEnd() > 0, "outbox rows waited for the broker");
        }
        s.allowResends().finish();
    }

    @Test
    @org.junit.jupiter.api.Order(9)
    void producerDatabaseStop() throws Exception {
        Scenario s = scenario("producer-db-stop", Map.of());
        s.outage(25_000, producerDb::stop, 10_000, producerDb::start);
        long failed = s.loads.status(s.producer, "failed");
        assertTrue(failed > 0, "orders failed while the producer's database was down");
        // an order whose commit failed with the database may still have committed: at least the others did
        s.expectCommitted((int) (N - failed)).allowResends().finish();
    }

    @Test
    @org.junit.jupiter.api.Order(10)
    void consumerDatabaseStop() throws Exception {
        Scenario s = scenario("consumer-db-stop", Map.of());
        Outage outage = s.outage(25_000, consumerDb::stop, 10_000, consumerDb::start);
        assertTrue(outage.committed() > 0, "orders committed, so events sent, while the consumer's database was down");
        s.finish();
        if (OUTBOX) {
            assertTrue(Files.readString(logs().resolve(s.consumer.name() + ".log")).contains(TEMPORARY_FAILURE_LOG),
                    "the consumer met its database down and retried");
        }
    }

    // ---------------------------------------------------------------------------------------------------------------

    Scenario scenario(String name, Map<String, String> consumerProperties) throws Exception {
        return scenario(name, consumerProperties, Map.of());
    }

    Scenario scenario(String name, Map<String, String> consumerProperties, Map<String, String> producerProperties)
            throws Exception {
        assumeSelected(name, DEFAULT.contains(name));
        assumeTrue(runsBrokerIndependentScenarios() || !BROKER_INDEPENDENT.containsKey(name),
                () -> name + " runs on Kafka only: " + BROKER_INDEPENDENT.get(name));
        return new Scenario(name, consumerProperties, producerProperties);
    }

    /** Skips the scenario unless {@code -Dfault-injection.scenarios} selects it. */
    static void assumeSelected(String name, boolean byDefault) {
        assumeTrue(SCENARIOS.equals("all") || (SCENARIOS.equals("default") && byDefault)
                || Set.of(SCENARIOS.split(",")).contains(name),
                () -> name + " is not selected by -Dfault-injection.scenarios=" + SCENARIOS);
    }

    /** Where the services' logs go: a directory per broker, since a log file is appended to. */
    Path logs() {
        return TARGET.resolve("fault-injection-logs").resolve(getClass().getSimpleName());
    }

    /** The packaged service built for this run's broker. */
    Path service(String service) {
        return ServiceProcess.packagedJar(service + broker.serviceSuffix(),
                "./mvnw verify -pl outbox/fault-injection/tests -am -Dfault-injection.scenarios=none");
    }

    static String businessId(String scenario, int sequence) {
        return scenario + "-" + String.format("%06d", sequence);
    }

    final class Scenario {

        final String name;
        final String destination;
        final long started = System.nanoTime();
        final Loads loads;
        final ServiceProcess consumer;
        final ServiceProcess producer;

        final Map<String, String> producerProperties;
        int restarts;
        int expectedCommitted = N;
        Set<String> expectedDeadLettered = Set.of();
        Set<String> expectedDead = Set.of();
        int minRestarts;
        int maxRestarts;
        boolean resendsAllowed;

        Scenario(String name, Map<String, String> consumerProperties, Map<String, String> producerProperties)
                throws SQLException {
            this.name = name;
            this.loads = new Loads(name);
            this.destination = "orders-" + name;
            this.producerProperties = producerProperties;
            resetDatabases();
            broker.createDestination(destination);
            Map<String, String> consumerConfig = new LinkedHashMap<>();
            consumerConfig.put("quarkus.datasource.jdbc.url", consumerDb.jdbcUrl());
            consumerConfig.putAll(broker.consumerConfig(destination, "consumer-" + name));
            consumerConfig.putAll(consumerProperties);
            // both start at once; the consumer reads its destination from the start, whenever it subscribes
            consumer = ServiceProcess.launch("consumer-" + name, service("consumer"), consumerConfig, logs());
            running.add(consumer);
            producer = launchProducer("producer-1");
            consumer.awaitReady("/processed", READY_WITHIN);
            producer.awaitReady("/load", READY_WITHIN);
        }

        ServiceProcess startProducer(String instance) {
            ServiceProcess process = launchProducer(instance);
            process.awaitReady("/load", READY_WITHIN);
            return process;
        }

        private ServiceProcess launchProducer(String instance) {
            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.datasource.jdbc.url", producerDb.jdbcUrl());
            config.putAll(broker.producerConfig(destination));
            config.put("fault-injection.instance", instance);
            if (OUTBOX) {
                config.put("quarkus.module-events.outbox.relay.max-attempts", "3");
                config.put("quarkus.module-events.outbox.relay.initial-backoff", "0.2S");
                config.put("quarkus.module-events.outbox.relay.max-backoff", "2S");
                config.put("quarkus.module-events.outbox.relay.send-timeout", "10S");
            }
            config.putAll(producerProperties);
            ServiceProcess process = ServiceProcess.launch(instance + "-" + name, service("producer"), config, logs());
            running.add(process);
            return process;
        }

        void resetDatabases() throws SQLException {
            for (PostgresServer db : List.of(producerDb, consumerDb)) {
                try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                    statement.execute("DROP TABLE IF EXISTS orders, processed, module_events_outbox,"
                            + " module_events_inbox");
                }
            }
        }

        /** At least this many of the attempted orders committed (all N unless said otherwise). */
        Scenario expectCommitted(int orders) {
            expectedCommitted = orders;
            return this;
        }

        /** With the outbox, exactly these ids are dead-lettered (none unless said otherwise). */
        Scenario expectDeadLettered(String... ids) {
            expectedDeadLettered = Set.of(ids);
            return this;
        }

        /** With the outbox, exactly these ids are {@code DEAD} in the outbox (none unless said otherwise). */
        Scenario expectDead(String... ids) {
            expectedDead = Set.of(ids);
            return this;
        }

        /** The services restarted because their liveness was down (none unless said otherwise). */
        Scenario expectRestarts(int min, int max) {
            minRestarts = min;
            maxRestarts = max;
            return this;
        }

        /**
         * The fault may make the relay send a row again (at least once: it was sent, and its acknowledgement or its
         * settling was lost); without this, the same CloudEvents id twice on the broker fails the scenario.
         */
        Scenario allowResends() {
            resendsAllowed = true;
            return this;
        }

        /**
         * Paces the N orders over {@code streamMillis}, stops a server once a quarter is committed, starts it again
         * after {@code outageMillis}, and waits until the stream is done.
         */
        Outage outage(long streamMillis, Runnable stop, long outageMillis, Runnable start) throws Exception {
            loads.start(producer, 1, N, "&pauseMillis=" + Math.max(1, streamMillis / N));
            await("a quarter of the orders committed", () -> loads.status(producer, "committed") >= N / 4);
            long committedBefore = loads.status(producer, "committed");
            stop.run();
            sleep(outageMillis);
            long committedDuring = loads.status(producer, "committed") - committedBefore;
            long unpublishedAtEnd = OUTBOX ? unpublished() : 0;
            start.run();
            loads.awaitDone(producer);
            System.out.println(name + ": " + committedDuring + " orders committed during the outage, "
                    + unpublishedAtEnd + " outbox rows unpublished at its end");
            return new Outage(committedDuring, unpublishedAtEnd);
        }

        long committedOrders() throws SQLException {
            try (Connection connection = producerDb.connect(); Statement statement = connection.createStatement()) {
                return Checker.count(statement, "SELECT count(*) FROM orders");
            }
        }

        /** Outbox rows neither published nor {@code DEAD}. */
        long unpublished() {
            try (Connection connection = producerDb.connect(); Statement statement = connection.createStatement()) {
                return Checker.count(statement, UNPUBLISHED);
            } catch (SQLException e) {
                return 0;
            }
        }

        /**
         * Waits until nothing moves (the consumer's deliveries and the outbox's unpublished rows stay the same, and no
         * row is leased, for 5 s once every committed id was processed, 20 s otherwise; 3 min at most), classifies, prints, and
         * asserts: in
         * both modes what proves the run was real (the orders committed, the restarts, no message without a CloudEvents
         * id), with the outbox also its guarantees.
         */
        Checker.Result finish() throws Exception {
            awaitQuiet(() -> {
                restartWhereLivenessIsDown();
                return progress();
            });
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            Checker.Result result = Checker.check(name, loads.attempted(), producerDb, consumerDb, broker, destination,
                    restarts, seconds);
            results.add(result);
            System.out.println(Checker.Result.header() + "\n" + result.row()
                    + (result.lost() > 0 ? "\nlost: " + result.lostIds().stream().limit(20).toList() : ""));
            assertTrue(result.committed() >= expectedCommitted,
                    () -> name + ": " + result.committed() + " orders committed, expected at least " + expectedCommitted);
            assertTrue(result.restarts() >= minRestarts && result.restarts() <= maxRestarts,
                    () -> name + ": " + result.restarts() + " restarts, expected " + minRestarts + " to " + maxRestarts);
            assertEquals(0, result.withoutCloudEventId(), name + ": messages without a CloudEvents id");
            if (OUTBOX) {
                assertEquals(0, result.lost(), () -> name + ": lost " + result.lostIds());
                assertEquals(0, result.receiverDuplicates(), name + ": receiver duplicates");
                assertEquals(Set.of(), result.phantomIds(), name + ": events of rolled-back transactions went out");
                assertEquals(expectedDeadLettered, result.deadLetteredIds(), name + ": dead-lettered");
                assertEquals(expectedDead, result.deadIds(), name + ": DEAD in the outbox");
                if (!resendsAllowed) {
                    assertEquals(0, result.sameCloudEventTwice(), name + ": the same CloudEvents id sent twice");
                    assertEquals(0, result.brokerDuplicates(), name + ": an order on the broker twice");
                }
            }
            return result;
        }

        /**
         * Restarts every service whose liveness check reports it down, as an orchestrator would: with AMQP, a message
         * the broker refuses closes the producer's channel.
         */
        void restartWhereLivenessIsDown() {
            for (ServiceProcess service : List.copyOf(running)) {
                int status;
                try {
                    status = service.get("/q/health/live").statusCode();
                } catch (IOException e) {
                    continue;
                }
                if (status == 503) {
                    System.out.println(service.name() + ": liveness down; restarting it");
                    service.kill();
                    service.restart(service == consumer ? "/processed" : "/load");
                    restarts++;
                }
            }
        }

        /**
         * Deliveries at the consumer and unpublished outbox rows, with the leased ones among them; starts with "all "
         * once every committed id arrived.
         */
        String progress() {
            try (Connection p = producerDb.connect();
                    Connection c = consumerDb.connect();
                    Statement ps = p.createStatement();
                    Statement cs = c.createStatement()) {
                long committed = Checker.count(ps, "SELECT count(*) FROM orders");
                long processedIds = Checker.count(cs, "SELECT count(*) FROM processed");
                long deliveries = Checker.count(cs, "SELECT coalesce(sum(deliveries), 0) FROM processed");
                boolean outbox = Checker.tableExists(p, "module_events_outbox");
                long pending = outbox ? Checker.count(ps, UNPUBLISHED) : 0;
                long leased = outbox ? Checker.count(ps, LEASED) : 0;
                return (processedIds >= committed && pending == 0 ? "all " : "some ") + processedIds + "/"
                        + deliveries + "/" + pending + (leased > 0 ? " leased " + leased : "");
            } catch (SQLException e) {
                return "unreachable " + e.getMessage();
            }
        }
    }

    /** What a server's outage let through: orders committed while it was down, outbox rows waiting at its end. */
    record Outage(long committed, long unpublishedAtEnd) {
    }

    /**
     * Waits until nothing moves: {@code progress} answers the same for 5 s once it starts with "all ", for 20 s
     * otherwise, and never with " leased " or " loading " in it; 3 min at most.
     */
    static void awaitQuiet(Callable<String> progress) throws Exception {
        String last = "";
        long stableSince = System.nanoTime();
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (System.nanoTime() < deadline) {
            String now = progress.call();
            // a live lease is work under way: a killed process's rows wait up to the lease's end, which may be longer
            // than the quiet time
            if (!now.equals(last) || now.contains(" leased ") || now.contains(" loading ")) {
                last = now;
                stableSince = System.nanoTime();
            }
            long quiet = now.startsWith("all ") ? 5_000_000_000L : 20_000_000_000L;
            if (System.nanoTime() - stableSince >= quiet) {
                return;
            }
            sleep(500);
        }
    }

    static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + 180_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Timed out waiting for: " + what);
            }
            sleep(200);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static {
        try {
            Files.createDirectories(TARGET);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
