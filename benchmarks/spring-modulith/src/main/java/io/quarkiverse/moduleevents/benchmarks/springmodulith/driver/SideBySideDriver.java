package io.quarkiverse.moduleevents.benchmarks.springmodulith.driver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.moduleevents.benchmarks.springmodulith.driver.BenchClient.SendTimings;
import io.quarkiverse.moduleevents.benchmarks.springmodulith.driver.BenchClient.Summary;

/**
 * Starts PostgreSQL, then, for every application {@code --app} selects and every case of it, measures the sending
 * rate and the completion rate, and runs the crash scenario; prints the results as AsciiDoc tables and writes them to
 * {@code <work>/results.adoc}.
 */
public final class SideBySideDriver {

    private static final Duration SETTLE_TIMEOUT = Duration.ofMinutes(10);

    private final Options options;
    private final EmbeddedDatabase database;
    private final BenchClient client;
    private int runs;

    private SideBySideDriver(Options options, EmbeddedDatabase database) {
        this.options = options;
        this.database = database;
        this.client = new BenchClient(options.httpPort());
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Files.createDirectories(options.work().resolve("logs"));
        try (EmbeddedDatabase database = new EmbeddedDatabase(options.postgresPort(), options.work().resolve("pgdata"),
                options.synchronousCommit())) {
            SideBySideDriver driver = new SideBySideDriver(options, database);
            StringBuilder tables = new StringBuilder();
            for (ApplicationUnderTest application : options.applications()) {
                tables.append(driver.run(application)).append('\n');
            }
            System.out.println(tables);
            Files.writeString(options.work().resolve("results.adoc"), tables);
        }
    }

    private String run(ApplicationUnderTest application) throws Exception {
        log(application.name());
        ResultsTable table = new ResultsTable(application, options);
        if (options.runs("throughput")) {
            for (Case c : application.cases()) {
                table.add(throughput(application, c));
            }
        }
        if (options.runs("crash")) {
            for (Case c : application.cases()) {
                if (c.hasListener()) {
                    table.add(crash(application, c));
                }
            }
        }
        return table.render();
    }

    private ThroughputResult throughput(ApplicationUnderTest application, Case c) throws Exception {
        double load = LoadAverage.now();
        log("throughput: " + c.label() + " (load average " + load + ")");
        Map<String, String> environment = environment(c, newDatabase());
        List<Double> sendRates = new ArrayList<>();
        List<Double> completionRates = new ArrayList<>();
        long duplicated;
        try (ApplicationProcess app = ApplicationProcess.start(application.command(c), environment, logFile(), client)) {
            client.send(1, options.warmup());
            settle(c);
            long first = 1 + options.warmup();
            for (int round = 0; round < options.rounds(); round++, first += options.events()) {
                SendTimings timings = client.send(first, options.events());
                sendRates.add(timings.sendsPerSecond());
                Summary summary = settle(c);
                if (c.hasListener()) {
                    double seconds = (summary.lastEffectAtMicros() - timings.firstSendAtMicros()) / 1e6;
                    completionRates.add(options.events() / seconds);
                }
                log(String.format("  round %d: %.0f sends/s%s", round + 1, timings.sendsPerSecond(),
                        completionRates.isEmpty() ? "" : String.format(", %.0f completions/s", completionRates.get(round))));
            }
            duplicated = client.summary().duplicated();
        }
        return new ThroughputResult(c, sendRates, completionRates, duplicated, load);
    }

    private Summary settle(Case c) throws IOException, InterruptedException {
        return c.hasListener() ? client.await(Summary::settled, SETTLE_TIMEOUT) : client.summary();
    }

    private CrashResult crash(ApplicationUnderTest application, Case c) throws Exception {
        double load = LoadAverage.now();
        log("crash at order " + options.crashAt() + ": " + c.label() + " (load average " + load + ")");
        Map<String, String> environment = environment(c, newDatabase());
        Map<String, String> crashing = new HashMap<>(environment);
        crashing.put("BENCH_CRASH_AT_ID", String.valueOf(options.crashAt()));
        int exitCode;
        try (ApplicationProcess app = ApplicationProcess.start(application.command(c), crashing, logFile(), client)) {
            try {
                client.send(1, options.events());
            } catch (IOException expected) {
                // the process died under the request
            }
            exitCode = app.awaitExit(SETTLE_TIMEOUT);
        }
        try (ApplicationProcess restarted = ApplicationProcess.start(application.command(c), environment, logFile(),
                client)) {
            Summary after = client.await(summary -> summary.pending() == 0, SETTLE_TIMEOUT);
            log("  exit code " + exitCode + ", after the restart: " + after);
            return new CrashResult(c, exitCode, after, load);
        }
    }

    private Map<String, String> environment(Case c, String jdbcUrl) {
        Map<String, String> environment = new HashMap<>(c.environment());
        environment.put("BENCH_JDBC_URL", jdbcUrl);
        environment.put("BENCH_JDBC_USER", EmbeddedDatabase.USER);
        environment.put("BENCH_JDBC_PASSWORD", EmbeddedDatabase.PASSWORD);
        environment.put("BENCH_HTTP_PORT", String.valueOf(options.httpPort()));
        environment.put("BENCH_LISTENER", c.listener());
        return environment;
    }

    private String newDatabase() throws SQLException {
        return database.create("run" + ++runs);
    }

    private Path logFile() {
        return options.work().resolve("logs").resolve("run" + runs + ".log");
    }

    private static void log(String line) {
        System.out.println("== " + line);
    }

    /** {@code load}: the one-minute load average when the case started. */
    record ThroughputResult(Case c, List<Double> sendRates, List<Double> completionRates, long duplicated,
            double load) {
    }

    record CrashResult(Case c, int exitCode, Summary after, double load) {
    }
}
