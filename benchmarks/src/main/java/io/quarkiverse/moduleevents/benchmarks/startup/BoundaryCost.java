package io.quarkiverse.moduleevents.benchmarks.startup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkiverse.moduleevents.benchmarks.startup.AppGenerator.Size;
import io.quarkiverse.moduleevents.benchmarks.startup.AppGenerator.Variant;
import io.quarkiverse.moduleevents.benchmarks.startup.StartupBenchmark.BuildSample;

/**
 * Measures what the module boundary check adds to the extension's build steps: builds the application with the
 * extension of {@link AppGenerator} (100 modules × 100 events × 1 receiver by default) {@code --builds} times (5) with
 * {@code quarkus.module-events.boundaries=ignore}, which skips the check, and as many times with the default
 * {@code warn}, alternating, and compares the medians of the summed durations of the extension's build steps, as
 * Quarkus's build metrics time them, and of {@code checkBytecode}, the step that reads the bytecode for the send sites
 * and the boundaries. Writes them to {@code --result} (benchmarks/target/boundary-cost.json).
 * <p>
 * Usage: {@code java -cp <runner jar> io.quarkiverse.moduleevents.benchmarks.startup.BoundaryCost [--repo DIR]
 * [--work DIR] [--size 100x100x1] [--builds 5] [--result FILE]}
 */
public final class BoundaryCost {

    private static final String[] SETTINGS = { "ignore", "warn" };
    private static final String READING_STEP = "ModuleEventsProcessor#checkBytecode";

    private BoundaryCost() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Properties versions = new Properties();
        try (InputStream in = BoundaryCost.class.getResourceAsStream("/benchmark-versions.properties")) {
            versions.load(in);
        }
        Path repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path work = Path.of(options.getOrDefault("work", "benchmarks/target/boundary-cost")).toAbsolutePath()
                .normalize();
        Path result = Path.of(options.getOrDefault("result", "benchmarks/target/boundary-cost.json")).toAbsolutePath()
                .normalize();
        Size size = Size.parse(options.getOrDefault("size", "100x100x1"));
        int builds = Integer.parseInt(options.getOrDefault("builds", "5"));

        Path app = work.resolve("extension-" + size);
        new AppGenerator(versions.getProperty("quarkus.version"), versions.getProperty("extension.version"))
                .generate(app, size, Variant.EXTENSION);
        Map<String, List<BuildSample>> samples = new LinkedHashMap<>();
        for (String setting : SETTINGS) {
            samples.put(setting, new ArrayList<>());
        }
        for (int round = 1; round <= builds; round++) {
            // alternating which setting builds first spreads a slow minute of the machine over both
            for (int i = 0; i < SETTINGS.length; i++) {
                String setting = SETTINGS[(i + round) % SETTINGS.length];
                BuildSample sample = build(repo, app, setting, round);
                samples.get(setting).add(sample);
                log("build %d/%d, boundaries=%-6s: the extension's steps %7.1f ms, %s %6.1f ms (load before %.2f)",
                        round, builds, setting, sample.ourStepsMillis(), READING_STEP, reading(sample),
                        sample.loadBefore());
            }
        }
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("size", size.toString());
        report.put("builds", builds);
        for (String setting : SETTINGS) {
            Map<String, Object> medians = new LinkedHashMap<>();
            medians.put("medianStepsMillis", Report.median(samples.get(setting), BuildSample::ourStepsMillis));
            medians.put("medianReadingMillis", Report.median(samples.get(setting), BoundaryCost::reading));
            medians.put("stepsMillis", samples.get(setting).stream().map(BuildSample::ourStepsMillis).toList());
            report.put(setting, medians);
        }
        double ignore = Report.median(samples.get("ignore"), BuildSample::ourStepsMillis);
        double warn = Report.median(samples.get("warn"), BuildSample::ourStepsMillis);
        report.put("addedPercent", 100 * (warn - ignore) / ignore);
        Files.createDirectories(result.getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(result.toFile(), report);
        log("the extension's steps, median of %d builds: %.1f ms with boundaries=ignore, %.1f ms with warn: %+.1f %%;"
                + " written to %s", builds, ignore, warn, 100 * (warn - ignore) / ignore, result);
    }

    private static double reading(BuildSample sample) {
        return sample.ourSteps().getOrDefault(READING_STEP, 0.0);
    }

    private static BuildSample build(Path repo, Path app, String boundaries, int round)
            throws IOException, InterruptedException {
        Path log = app.resolve("target/build-" + boundaries + "-" + round + ".log");
        Files.createDirectories(log.getParent());
        double load = StartupBenchmark.loadAverage();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(repo.resolve("mvnw").toString(), "-B", "-q", "-f",
                app.resolve("pom.xml").toString(), "package", "-DskipTests", "-Dquarkus.debug.dump-build-metrics=true",
                "-Dquarkus.module-events.boundaries=" + boundaries)
                .directory(app.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("Build of " + app + " failed, see " + log);
        }
        double wallMillis = (System.nanoTime() - started) / 1e6;
        return BuildSample.of(new ObjectMapper().readTree(app.resolve("target/build-metrics.json").toFile()), wallMillis,
                load);
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
    }
}
