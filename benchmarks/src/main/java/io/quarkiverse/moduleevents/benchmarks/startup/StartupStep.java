package io.quarkiverse.moduleevents.benchmarks.startup;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkiverse.moduleevents.benchmarks.startup.AppGenerator.Size;
import io.quarkiverse.moduleevents.benchmarks.startup.AppGenerator.Variant;

/**
 * Measures the extension's start-up steps as Quarkus times them: builds the application with the extension of
 * {@link AppGenerator} (100 modules × 100 events × 1 receiver by default), starts it {@code --starts} times (9) with
 * {@code -Dquarkus.debug.print-startup-times=true}, adds up the lines of the core extension's recorded steps
 * ({@code Build step ModuleEventsProcessor.registerEmitters completed in: 80ms}; none when it records nothing) of
 * each start that reached "started in", and writes the median as
 * {@code {"events":10000,"stepMillis":0,"steps":[],"startedMillis":2100}}, with the steps seen and the median of
 * Quarkus's own "started in" beside it.
 * <p>
 * Usage: {@code java -cp <runner jar> io.quarkiverse.moduleevents.benchmarks.startup.StartupStep [--repo DIR]
 * [--work DIR] [--size 100x100x1] [--starts 9] [--result FILE]}
 */
public final class StartupStep {

    private static final Pattern STEP = Pattern
            .compile("Build step \\S*ModuleEventsProcessor\\.(\\w+) completed in: (\\d+)ms");
    private static final Pattern STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final long START_TIMEOUT_SECONDS = 120;

    private StartupStep() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Properties versions = new Properties();
        try (InputStream in = StartupStep.class.getResourceAsStream("/benchmark-versions.properties")) {
            versions.load(in);
        }
        Path repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        Path work = Path.of(options.getOrDefault("work", "benchmarks/target/startup-step")).toAbsolutePath()
                .normalize();
        Path result = Path.of(options.getOrDefault("result", "benchmarks/target/startup-step.json")).toAbsolutePath()
                .normalize();
        Size size = Size.parse(options.getOrDefault("size", "100x100x1"));
        int starts = Integer.parseInt(options.getOrDefault("starts", "9"));

        Path app = work.resolve("extension-" + size);
        new AppGenerator(versions.getProperty("quarkus.version"), versions.getProperty("extension.version"))
                .generate(app, size, Variant.EXTENSION);
        build(repo, app);
        List<Long> samples = new ArrayList<>();
        List<Long> startedSamples = new ArrayList<>();
        Set<String> steps = new TreeSet<>();
        for (int round = 1; round <= starts; round++) {
            Start start = start(app, round);
            samples.add(start.stepMillis());
            startedSamples.add(start.startedMillis());
            steps.addAll(start.steps());
            log("start %d/%d: the extension's steps %s took %d ms; started in %d ms", round, starts, start.steps(),
                    start.stepMillis(), start.startedMillis());
        }
        List<Long> sorted = samples.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        long startedMedian = startedSamples.stream().sorted().toList().get(startedSamples.size() / 2);
        Files.createDirectories(result.getParent());
        Files.writeString(result, "{\"events\":" + size.totalEvents() + ",\"stepMillis\":" + median
                + ",\"steps\":[" + String.join(",", steps.stream().map(step -> "\"" + step + "\"").toList())
                + "],\"startedMillis\":" + startedMedian + "}\n");
        log("the extension's start-up steps %s at %d events: median %d ms of %d starts (min %d, max %d), samples %s;"
                + " started in %d ms (median); written to %s", steps, size.totalEvents(), median, starts,
                sorted.get(0), sorted.get(sorted.size() - 1), samples, startedMedian, result);
    }

    /**
     * @param steps the core extension's recorded steps the start printed
     * @param stepMillis their time added up
     * @param startedMillis Quarkus's "started in"
     */
    private record Start(List<String> steps, long stepMillis, long startedMillis) {
    }

    private static void build(Path repo, Path app) throws IOException, InterruptedException {
        Path log = app.resolve("target/build.log");
        Files.createDirectories(log.getParent());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(repo.resolve("mvnw").toString(), "-B", "-q", "-f",
                app.resolve("pom.xml").toString(), "package", "-DskipTests")
                .directory(app.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("Build of " + app + " failed, see " + log);
        }
        log("built %s in %.1f s", app, (System.nanoTime() - started) / 1e9);
    }

    private static Start start(Path app, int round) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = app.resolve("target/start-" + round + ".log");
        Process process = new ProcessBuilder(java.toString(), "-Dquarkus.debug.print-startup-times=true",
                "-Dquarkus.http.port=" + freePort(), "-jar", app.resolve("target/quarkus-app/quarkus-run.jar").toString())
                .directory(app.toFile()).redirectErrorStream(true).start();
        List<String> steps = new ArrayList<>();
        long stepMillis = 0;
        Long startedMillis = null;
        StringBuilder output = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(START_TIMEOUT_SECONDS);
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.append(line).append('\n');
                Matcher step = STEP.matcher(line);
                if (step.find()) {
                    steps.add(step.group(1));
                    stepMillis += Long.parseLong(step.group(2));
                }
                Matcher started = STARTED.matcher(line);
                if (started.find()) {
                    startedMillis = Math.round(Double.parseDouble(started.group(1)) * 1000);
                    break;
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            Files.writeString(log, output);
        }
        if (startedMillis == null) {
            throw new IllegalStateException("Start " + round + " did not print \"started in\", see " + log);
        }
        return new Start(steps, stepMillis, startedMillis);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
    }
}
