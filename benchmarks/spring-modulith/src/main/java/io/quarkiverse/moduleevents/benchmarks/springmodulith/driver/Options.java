package io.quarkiverse.moduleevents.benchmarks.springmodulith.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The driver's command line: {@code --name value} pairs, each with a default. */
record Options(Path appJar, Path quarkusApps, String app, Path work, int events, int warmup, int rounds, long crashAt,
        int postgresPort, int httpPort, String synchronousCommit, String only) {

    static Options parse(String[] args) {
        Map<String, String> given = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got " + String.join(" ", args));
            }
            given.put(args[i].substring(2), args[i + 1]);
        }
        int events = Integer.parseInt(given.getOrDefault("events", "10000"));
        Options options = new Options(
                Path.of(given.getOrDefault("app-jar", "target/side-by-side.jar")),
                Path.of(given.getOrDefault("quarkus-apps", "quarkus-app/target")),
                given.getOrDefault("app", "both"),
                Path.of(given.getOrDefault("work", "target/side-by-side")),
                events,
                Integer.parseInt(given.getOrDefault("warmup", "10000")),
                Integer.parseInt(given.getOrDefault("rounds", "3")),
                Long.parseLong(given.getOrDefault("crash-at", String.valueOf(events / 2))),
                Integer.parseInt(given.getOrDefault("postgres-port", "15432")),
                Integer.parseInt(given.getOrDefault("http-port", "18080")),
                given.getOrDefault("synchronous-commit", "off"),
                given.getOrDefault("only", "all"));
        if (options.crashAt() < 1 || options.crashAt() > events) {
            throw new IllegalArgumentException("--crash-at must be an order id from 1 to --events (" + events + ")");
        }
        if (!List.of("both", "spring", "quarkus").contains(options.app())) {
            throw new IllegalArgumentException("--app takes spring, quarkus or both, not " + options.app());
        }
        if (!List.of("all", "throughput", "crash").contains(options.only())) {
            throw new IllegalArgumentException("--only takes throughput or crash, not " + options.only());
        }
        return options;
    }

    /** The applications {@code --app} selects, Spring Modulith's first. */
    List<ApplicationUnderTest> applications() {
        List<ApplicationUnderTest> applications = new ArrayList<>();
        if (!app.equals("quarkus")) {
            applications.add(new SpringModulithApplication(appJar.toAbsolutePath()));
        }
        if (!app.equals("spring")) {
            applications.add(new DurableReceiversApplication(quarkusApps.toAbsolutePath()));
        }
        return applications;
    }

    boolean runs(String part) {
        return only.equals("all") || only.equals(part);
    }
}
