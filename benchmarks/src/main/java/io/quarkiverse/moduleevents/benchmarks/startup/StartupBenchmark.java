package io.quarkiverse.moduleevents.benchmarks.startup;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.quarkiverse.moduleevents.benchmarks.startup.AppGenerator.Size;
import io.quarkiverse.moduleevents.benchmarks.startup.AppGenerator.Variant;

/**
 * Measures what the extension costs an application as its modules grow: build time of the extension's build steps,
 * JVM start-up time to the first answered request, and heap after start, each against the same application without
 * the extension (see {@link AppGenerator}).
 * <p>
 * Usage: {@code java -cp <runner jar> io.quarkiverse.moduleevents.benchmarks.startup.StartupBenchmark
 * [--repo DIR] [--work DIR] [--sizes 10x10x1,100x10x2,50x100x1,100x100x1] [--builds 3] [--starts 9]}
 * <p>
 * Builds and starts alternate between the variants and sizes, so that a slow minute of the machine spreads over all
 * of them; the first start of each application is a discarded warm-up of the file cache.
 */
public final class StartupBenchmark {

    private static final String OUR_STEPS = "io.quarkiverse.moduleevents.deployment.";
    private static final Pattern STARTED_IN = Pattern.compile("started in ([0-9.]+)s");
    private static final long READY_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(120);

    private final Path repo;
    private final Path work;
    private final List<Size> sizes;
    private final int builds;
    private final int starts;
    private final AppGenerator generator;
    private final Map<String, AppResult> results = new LinkedHashMap<>();

    StartupBenchmark(Path repo, Path work, List<Size> sizes, int builds, int starts, AppGenerator generator) {
        this.repo = repo;
        this.work = work;
        this.sizes = sizes;
        this.builds = builds;
        this.starts = starts;
        this.generator = generator;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Properties versions = new Properties();
        try (InputStream in = StartupBenchmark.class.getResourceAsStream("/benchmark-versions.properties")) {
            versions.load(in);
        }
        List<Size> sizes = new ArrayList<>();
        for (String size : options.getOrDefault("sizes", "10x10x1,100x10x2,50x100x1,100x100x1").split(",")) {
            sizes.add(Size.parse(size.trim()));
        }
        Path repo = Path.of(options.getOrDefault("repo", ".")).toAbsolutePath().normalize();
        StartupBenchmark benchmark = new StartupBenchmark(repo,
                Path.of(options.getOrDefault("work", "benchmarks/target/startup")).toAbsolutePath().normalize(),
                sizes, Integer.parseInt(options.getOrDefault("builds", "3")),
                Integer.parseInt(options.getOrDefault("starts", "9")),
                new AppGenerator(versions.getProperty("quarkus.version"), versions.getProperty("extension.version")));
        benchmark.run();
    }

    void run() throws Exception {
        for (Size size : sizes) {
            for (Variant variant : Variant.values()) {
                AppResult app = new AppResult(size, variant, work.resolve("apps").resolve(variant.label() + "-" + size));
                if (builds > 0) {
                    generator.generate(app.directory, size, variant);
                } else if (!Files.exists(app.runner())) {
                    throw new IllegalStateException("--builds 0 starts the applications of an earlier run, but "
                            + app.runner() + " does not exist");
                }
                results.put(app.key(), app);
            }
        }
        log(builds > 0 ? "generated %d applications under %s" : "reusing the %d applications under %s",
                results.size(), work.resolve("apps"));
        for (int round = 1; round <= builds; round++) {
            for (AppResult app : results.values()) {
                build(app, round);
            }
        }
        for (AppResult app : results.values()) {
            start(app, 0);
        }
        for (int round = 1; round <= starts; round++) {
            for (AppResult app : results.values()) {
                app.starts.add(start(app, round));
            }
        }
        Report report = new Report(sizes, results);
        Path json = work.resolve("startup-result.json");
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), report.json(builds,
                starts));
        System.out.print(report.text());
        Files.writeString(work.resolve("startup-table.adoc"), report.asciidoc());
        log("results: %s and %s", json, work.resolve("startup-table.adoc"));
    }

    private void build(AppResult app, int round) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(repo.resolve("mvnw").toString(), "-B", "-q"));
        if (round > 1) {
            command.add("-o");
        }
        command.addAll(List.of("-f", app.directory.resolve("pom.xml").toString(), "package", "-DskipTests",
                "-Dquarkus.debug.dump-build-metrics=true"));
        Path log = app.directory.resolve("target/build-" + round + ".log");
        Files.createDirectories(log.getParent());
        double load = loadAverage();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(app.directory.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("Build of " + app.directory + " failed, see " + log);
        }
        double wallMillis = (System.nanoTime() - started) / 1e6;
        Path metrics = app.directory.resolve("target/build-metrics.json");
        Files.copy(metrics, app.directory.resolve("target/build-metrics-" + round + ".json"),
                StandardCopyOption.REPLACE_EXISTING);
        BuildSample sample = BuildSample.of(new ObjectMapper().readTree(metrics.toFile()), wallMillis, load);
        app.builds.add(sample);
        log("build %d/%d %-24s augmentation %6.0f ms, our steps %6.1f ms (Maven %5.1f s)", round, builds, app.key(),
                sample.augmentationMillis, sample.ourStepsMillis, wallMillis / 1000);
    }

    private StartSample start(AppResult app, int round) throws IOException, InterruptedException {
        int port = freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path log = app.directory.resolve("target/start-" + round + ".log");
        double load = loadAverage();
        long started = System.nanoTime();
        Process process = new ProcessBuilder(java.toString(), "-Dquarkus.http.port=" + port, "-jar",
                app.runner().toString())
                .directory(app.directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            String ready = firstAnswer(port, "/ready", started, process);
            double readyMillis = (System.nanoTime() - started) / 1e6;
            double cpuMillis = process.info().totalCpuDuration().map(cpu -> cpu.toNanos() / 1e6).orElse(Double.NaN);
            if (!ready.equals("ready")) {
                throw new IllegalStateException("Unexpected answer from /ready of " + app.key() + ": " + ready);
            }
            String[] heap = get(port, "/heap").trim().split(" ");
            StartSample sample = new StartSample(readyMillis, cpuMillis, quarkusStartedMillis(log),
                    Long.parseLong(heap[0]), Long.parseLong(heap[1]), Integer.parseInt(heap[2]), load);
            log("start %d/%d %-24s first request %7.1f ms (CPU %7.1f ms; Quarkus: started in %5.0f ms), heap %6.2f MB,"
                    + " %d classes", round, starts, app.key(), sample.readyMillis, sample.cpuMillis,
                    sample.quarkusStartedMillis,
                    sample.heapBytes / 1e6, sample.loadedClasses);
            return sample;
        } finally {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    /**
     * Polls every 0.2 ms until the application accepts a connection, then asks once.
     */
    private static String firstAnswer(int port, String path, long started, Process process) throws IOException {
        while (true) {
            try {
                return get(port, path);
            } catch (ConnectException notYet) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("The application exited with " + process.exitValue());
                }
                if (System.nanoTime() - started > READY_TIMEOUT_NANOS) {
                    throw new IllegalStateException("The application did not answer within two minutes");
                }
                LockSupport.parkNanos(200_000);
            }
        }
    }

    private static String get(int port, String path) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port));
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!response.startsWith("HTTP/1.1 200")) {
                throw new IllegalStateException("GET " + path + " answered: " + response);
            }
            return response.substring(response.indexOf("\r\n\r\n") + 4);
        }
    }

    private static double quarkusStartedMillis(Path log) throws IOException {
        Matcher matcher = STARTED_IN.matcher(Files.readString(log));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) * 1000 : Double.NaN;
    }

    /**
     * The one-minute load average before a sample, kept with it: the suite's own builds and starts hold it near one or
     * two on a two-core machine, so a clearly higher value means that something else was running.
     */
    static double loadAverage() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void log(String format, Object... args) {
        System.out.printf(Locale.ROOT, format + "%n", args);
    }

    static final class AppResult {

        final Size size;
        final Variant variant;
        final Path directory;
        final List<BuildSample> builds = new ArrayList<>();
        final List<StartSample> starts = new ArrayList<>();

        AppResult(Size size, Variant variant, Path directory) {
            this.size = size;
            this.variant = variant;
            this.directory = directory;
        }

        String key() {
            return variant.label() + "-" + size;
        }

        Path runner() {
            return directory.resolve("target/quarkus-app/quarkus-run.jar");
        }
    }

    /**
     * One build: the whole augmentation as Quarkus's build metrics time it, the summed durations of the extension's
     * build steps (they may run in parallel, so this is their CPU time more than a stretch of wall time), and each of
     * them.
     */
    record BuildSample(double augmentationMillis, double ourStepsMillis, Map<String, Double> ourSteps,
            double mavenMillis, double loadBefore) {

        static BuildSample of(JsonNode metrics, double mavenMillis, double loadBefore) {
            Map<String, Double> ours = new TreeMap<>();
            double sum = 0;
            for (JsonNode record : metrics.path("records")) {
                String step = record.path("stepId").asText();
                if (step.startsWith(OUR_STEPS)) {
                    double millis = record.path("duration").asDouble();
                    ours.merge(step.substring(OUR_STEPS.length()), millis, Double::sum);
                    sum += millis;
                }
            }
            return new BuildSample(metrics.path("duration").asDouble(), sum, ours, mavenMillis, loadBefore);
        }
    }

    /**
     * One start: wall time from launching the JVM to the answer of the first request, the CPU time the JVM used until
     * then (all its threads: less disturbed than wall time by other work on the machine, but it counts the JIT and
     * GC threads too), Quarkus's own "started in", and, after that request and three {@code System.gc()}, heap and
     * non-heap in use and the loaded classes.
     */
    record StartSample(double readyMillis, double cpuMillis, double quarkusStartedMillis, long heapBytes, long nonHeapBytes,
            int loadedClasses, double loadBefore) {
    }
}
