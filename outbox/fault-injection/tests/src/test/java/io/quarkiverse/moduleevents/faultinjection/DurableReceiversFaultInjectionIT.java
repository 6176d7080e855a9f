package io.quarkiverse.moduleevents.faultinjection;

import static io.quarkiverse.moduleevents.faultinjection.FaultInjectionScenarios.await;
import static io.quarkiverse.moduleevents.faultinjection.FaultInjectionScenarios.businessId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;

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
 * Durable receivers under faults, no broker: the packaged app {@code durable} (the producer's sources, whose
 * {@code POST /load} places orders, each order row and its event in one transaction, and {@code Effects}, a
 * {@code @Durable} receiver of that event that inserts one row into {@code effects} per delivery, in the delivery's
 * transaction) as {@code java -jar} processes on one PostgreSQL server. Each scenario places N orders, injects one
 * fault (SIGKILL, a halt of the JVM inside the delivery, a receiver that throws), waits until nothing moves any more,
 * and lets the {@link Checker} classify every business id against the receiver's effects. Asserted: nothing committed
 * lost, no effect twice, no effect of a rolled-back send, exactly the expected {@code DEAD} records, and the evidence
 * that the fault hit. {@code durable-sender-kill} sends with {@code sendAsync}, which records the event for the durable
 * receiver as {@code send} does and also reaches a plain {@code @ObservesAsync} receiver that does the same insert,
 * under the same kill: its row is the baseline. The other scenarios send with {@code send}.
 * <p>
 * The app's outbox settings ({@code durable/src/main/resources/application.properties}): {@code relay.max-attempts=3},
 * backoff 0.2 s to 1 s, {@code relay.send-timeout=1S}, so that a killed instance's lease ends 11 s later.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DurableReceiversFaultInjectionIT {

    static final int N = FaultInjectionScenarios.N;
    /** The durable receiver, as the outbox's {@code receiver} column names it. */
    static final String RECEIVER = "io.quarkiverse.moduleevents.faultinjection.durable.Effects#onPlaced";
    /** {@code Effects.HALT_STATUS}: the exit status of the app that its receiver halted. */
    static final int HALT_STATUS = 86;
    /** {@code relay.max-attempts} of the app. */
    static final int MAX_ATTEMPTS = 3;
    static final String PENDING = "SELECT count(*) FROM module_events_outbox WHERE receiver IS NOT NULL"
            + " AND status <> 'DEAD'";
    /** records being delivered, or that a killed instance's claim keeps from the others until its lease ends */
    static final String LEASED = PENDING + " AND lease_until > CURRENT_TIMESTAMP";

    PostgresServer db;
    Path data;
    final List<Checker.EffectsResult> results = new ArrayList<>();
    final List<ServiceProcess> running = new ArrayList<>();

    @BeforeAll
    void startDatabase() {
        data = FaultInjectionScenarios.TARGET.resolve("fault-injection-data")
                .resolve("durable-" + UUID.randomUUID().toString().substring(0, 8));
        db = new PostgresServer("durable-db", FreePorts.next(), data.resolve("db")).start();
    }

    @AfterAll
    void report() throws IOException {
        StringBuilder table = new StringBuilder("\nDurable receivers, N = " + N + "\n\n")
                .append(Checker.EffectsResult.header()).append('\n');
        results.forEach(result -> table.append(result.row()).append('\n'));
        System.out.println(table);
        Files.writeString(FaultInjectionScenarios.REPORT, table, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (db != null) {
            db.close();
        }
    }

    @AfterEach
    void stopApps() {
        running.forEach(ServiceProcess::close);
        running.clear();
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void senderKill() throws Exception {
        // the asynchronous receiver's 200 ms stand for slower work (a call to another service): its receivers run in
        // parallel, so with 10 ms only the last few milliseconds' events would be in flight at the kill
        Run s = run("durable-sender-kill", Map.of("fault-injection.send-async", "true",
                "fault-injection.receiver-millis", "10", "fault-injection.async-receiver-millis", "200"));
        int every = N >= 200 ? N / 100 : 2;
        String rollbacks = "&rollbackEvery=" + every;
        // the durable receiver takes 10 ms an event, the sender about half that: records wait when the kill comes
        s.loads.start(s.app, 1, N, rollbacks + "&pauseMillis=" + Math.max(1, 5_000 / N));
        await("half the orders committed, some of their records not delivered yet",
                () -> s.loads.status(s.app, "committed") >= N / 2 && s.pending() > 0);
        s.app.kill();
        s.kills++;
        long committedAtKill = s.committedOrders();
        long pendingAtKill = s.pending();
        System.out.println(s.name + ": killed the app with " + committedAtKill + " orders committed, " + pendingAtKill
                + " records not delivered yet");
        assertTrue(committedAtKill < N - N / every, "the kill came before the last order");
        assertTrue(pendingAtKill > 0, "the kill caught records committed and not delivered yet");
        s.app.restart("/load");
        // the same range again: committed orders are skipped, the others placed now
        s.loads.run(s.app, 1, N, rollbacks);
        s.expectCommitted(N - N / every).finish();
        Checker.EffectsResult baseline = s.baseline();
        System.out.println(s.name + ": the @ObservesAsync receiver lost " + baseline.lostIds().size() + " "
                + first(baseline.lostIds()) + ", had " + baseline.phantomIds().size()
                + " effects of rolled-back sends");
        assertTrue(baseline.lostIds().size() > 0, "the kill caught @ObservesAsync receivers in flight");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void receiverHalt() throws Exception {
        List<String> victims = List.of(businessId("durable-receiver-halt", N / 3),
                businessId("durable-receiver-halt", 2 * N / 3));
        Path marks = data.resolve("halt-marks");
        Run s = run("durable-receiver-halt", Map.of("fault-injection.halt-after-effect-ids", String.join(",", victims),
                "fault-injection.halt-marks", marks.toAbsolutePath().toString()));
        s.loads.start(s.app, 1, N, "");
        // each victim halts the app once, inside its delivery's transaction, after inserting its effect; finish()
        // restarts the app and places the rest of the range again
        s.finish();
        try (Stream<Path> files = Files.list(marks)) {
            assertEquals(new TreeSet<>(victims), new TreeSet<>(files.map(file -> file.getFileName().toString()).toList()),
                    "the receiver halted the app after inserting the effect of each victim");
        }
        assertEquals(victims.size(), s.halts, "halts (exit status " + HALT_STATUS + ")");
        for (String victim : victims) {
            assertEquals(1, s.effectsOf(victim), victim + ": delivered again after the halt, its effect once");
        }
    }

    @Test
    @org.junit.jupiter.api.Order(3)
    void poison() throws Exception {
        String poison = businessId("durable-poison", N / 2);
        Run s = run("durable-poison", Map.of("fault-injection.poison-id", poison));
        s.loads.run(s.app, 1, N, "");
        Checker.EffectsResult result = s.expectDead(poison).finish();
        assertEquals(MAX_ATTEMPTS, s.failuresOnRequest(s.app, poison), "deliveries of the poison record");
        assertTrue(result.deadIds().get(poison).contains("Poison order " + poison),
                () -> "the DEAD record keeps its last error: " + result.deadIds());
    }

    @Test
    @org.junit.jupiter.api.Order(4)
    void flaky() throws Exception {
        String flaky = businessId("durable-flaky", N / 2);
        Run s = run("durable-flaky", Map.of("fault-injection.flaky-id", flaky));
        s.loads.run(s.app, 1, N, "");
        s.finish();
        assertEquals(2, s.failuresOnRequest(s.app, flaky), "failed deliveries of the flaky record before it succeeded");
    }

    @Test
    @org.junit.jupiter.api.Order(5)
    void twoInstances() throws Exception {
        // the receivers take 2 ms an event, so that both instances have records to claim at the same time
        Map<String, String> slowReceivers = Map.of("fault-injection.receiver-millis", "2");
        Run s = run("durable-two-instances", slowReceivers);
        ServiceProcess second = s.start("app-2", slowReceivers);
        s.loads.start(s.app, 1, N / 2, "");
        s.loads.start(second, N / 2 + 1, N, "");
        s.loads.awaitDone(s.app);
        s.loads.awaitDone(second);
        assertEquals(N / 2, s.loads.status(s.app, "committed"), "orders the first instance committed");
        assertEquals(N - N / 2, s.loads.status(second, "committed"), "orders the second instance committed");
        s.finish();
        Map<String, Long> deliveredBy = s.effectsPerInstance();
        assertTrue(deliveredBy.getOrDefault("app-1", 0L) > 0 && deliveredBy.getOrDefault("app-2", 0L) > 0,
                () -> "both instances delivered records: " + deliveredBy);
    }

    // ---------------------------------------------------------------------------------------------------------------

    Run run(String name, Map<String, String> properties) throws SQLException {
        FaultInjectionScenarios.assumeSelected(name, true);
        return new Run(name, properties);
    }

    final class Run {

        final String name;
        final long started = System.nanoTime();
        final Loads loads;
        final ServiceProcess app;
        int kills;
        int halts;
        int expectedCommitted = N;
        Set<String> expectedDead = Set.of();

        Run(String name, Map<String, String> properties) throws SQLException {
            this.name = name;
            this.loads = new Loads(name);
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                statement.execute("DROP TABLE IF EXISTS orders, effects, module_events_outbox, module_events_inbox");
            }
            app = start("app-1", properties);
        }

        ServiceProcess start(String instance, Map<String, String> properties) {
            Map<String, String> config = new LinkedHashMap<>();
            config.put("quarkus.datasource.jdbc.url", db.jdbcUrl());
            config.put("fault-injection.instance", instance);
            config.putAll(properties);
            ServiceProcess process = ServiceProcess.start(instance + "-" + name, ServiceProcess.packagedJar("durable",
                    "./mvnw verify -pl outbox/fault-injection/tests -am -Dfault-injection.scenarios=none"), config,
                    FaultInjectionScenarios.TARGET.resolve("fault-injection-logs")
                            .resolve(DurableReceiversFaultInjectionIT.class.getSimpleName()),
                    "/load");
            running.add(process);
            return process;
        }

        /** At least this many of the attempted orders committed (all N unless said otherwise). */
        Run expectCommitted(int orders) {
            expectedCommitted = orders;
            return this;
        }

        /** Exactly these ids have a {@code DEAD} record (none unless said otherwise). */
        Run expectDead(String... ids) {
            expectedDead = Set.of(ids);
            return this;
        }

        /**
         * Waits until nothing moves (no load running, the effects and the waiting records unchanged and none leased,
         * for 5 s once no record waits, 20 s otherwise; 3 min at most), restarting an app that its receiver halted and
         * placing its range again; then classifies the durable receiver's effects, prints and asserts.
         */
        Checker.EffectsResult finish() throws Exception {
            FaultInjectionScenarios.awaitQuiet(() -> {
                restartHalted();
                return progress();
            });
            Checker.EffectsResult result = classify("durable", RECEIVER);
            assertTrue(result.committed() >= expectedCommitted,
                    () -> name + ": " + result.committed() + " orders committed, expected at least " + expectedCommitted);
            assertEquals(0, result.lostIds().size(), () -> name + ": lost " + first(result.lostIds()));
            assertEquals(0, result.duplicatedIds().size(),
                    () -> name + ": effects duplicated " + first(result.duplicatedIds()));
            assertEquals(0, result.phantomIds().size(),
                    () -> name + ": effects of rolled-back sends " + first(result.phantomIds()));
            assertEquals(expectedDead, result.deadIds().keySet(), name + ": DEAD records");
            return result;
        }

        /** The {@code @ObservesAsync} receiver's effects, classified and reported; nothing asserted. */
        Checker.EffectsResult baseline() throws SQLException {
            return classify("@ObservesAsync (baseline)", null);
        }

        private Checker.EffectsResult classify(String receiver, String durableReceiver) throws SQLException {
            long seconds = (System.nanoTime() - started) / 1_000_000_000L;
            Checker.EffectsResult result = Checker.classifyEffects(name, receiver, loads.attempted(),
                    Checker.observeEffects(db, durableReceiver == null ? "async" : "durable", durableReceiver), kills,
                    seconds);
            results.add(result);
            System.out.println(Checker.EffectsResult.header() + "\n" + result.row()
                    + (result.lostIds().isEmpty() ? "" : "\nlost: " + first(result.lostIds())));
            return result;
        }

        /** Restarts an app whose receiver halted it, and places its last range again; any other end fails. */
        void restartHalted() throws IOException {
            for (ServiceProcess process : List.copyOf(running)) {
                OptionalInt exit = process.exitValue();
                if (exit.isPresent()) {
                    assertEquals(HALT_STATUS, exit.getAsInt(), () -> process.name() + " ended unexpectedly; its log"
                            + " ends with:\n" + process.logTail());
                    System.out.println(process.name() + ": halted by its receiver; restarting it");
                    halts++;
                    kills++;
                    process.restart("/load");
                    loads.startAgain(process);
                }
            }
        }

        /** Loads running, committed orders, effect rows, waiting records; starts with "all " once none waits. */
        String progress() {
            StringBuilder loading = new StringBuilder();
            for (ServiceProcess process : running) {
                if (loads.running(process)) {
                    loading.append(" loading ");
                }
            }
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                long committed = Checker.count(statement, "SELECT count(*) FROM orders");
                long effects = Checker.count(statement, "SELECT count(*) FROM effects");
                long pending = Checker.count(statement, PENDING);
                long leased = Checker.count(statement, LEASED);
                return (pending == 0 && loading.isEmpty() ? "all " : "some ") + committed + "/" + effects + "/" + pending
                        + (leased > 0 ? " leased " + leased : "") + loading;
            } catch (SQLException e) {
                return "unreachable " + e.getMessage();
            }
        }

        long committedOrders() throws SQLException {
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                return Checker.count(statement, "SELECT count(*) FROM orders");
            }
        }

        /** Records of the durable receiver neither delivered nor {@code DEAD}. */
        long pending() {
            try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
                return Checker.tableExists(connection, "module_events_outbox") ? Checker.count(statement, PENDING) : 0;
            } catch (SQLException e) {
                return 0;
            }
        }

        /** The durable receiver's effect rows of one id. */
        long effectsOf(String id) throws SQLException {
            try (Connection connection = db.connect();
                    PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM effects"
                            + " WHERE receiver = 'durable' AND business_id = ?")) {
                query.setString(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getLong(1);
                }
            }
        }

        Map<String, Long> effectsPerInstance() throws SQLException {
            Map<String, Long> counts = new HashMap<>();
            try (Connection connection = db.connect();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery("SELECT instance, count(*) FROM effects"
                            + " WHERE receiver = 'durable' GROUP BY instance")) {
                while (rows.next()) {
                    counts.put(rows.getString(1), rows.getLong(2));
                }
            }
            return counts;
        }

        /** How often the durable receiver of {@code target} threw on request for the id. */
        long failuresOnRequest(ServiceProcess target, String id) {
            return Loads.number(Loads.http(target, "/effects"), id);
        }
    }

    /** The first 20 ids, for a message. */
    static List<String> first(Set<String> ids) {
        return ids.stream().limit(20).toList();
    }
}
