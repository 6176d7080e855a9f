package io.quarkiverse.moduleevents.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service ({@code java -jar quarkus-run.jar}) as a process of its own on a free port of 127.0.0.1,
 * configured by {@code -D} options, its output appended to a log file. {@link #kill()} sends SIGKILL and checks that
 * the process died of it; {@link #restart(String)} starts it again with the same options and port.
 */
public final class ServiceProcess implements AutoCloseable {

    /** What {@link Process#exitValue()} reports on Linux for a process that SIGKILL ended: 128 + 9. */
    public static final int KILLED_BY_SIGKILL = 137;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private final String name;
    private final Path jar;
    private final Map<String, String> systemProperties;
    private final Path log;
    private final int port;
    private Process process;

    private ServiceProcess(String name, Path jar, Map<String, String> systemProperties, Path log) {
        this.name = name;
        this.jar = jar;
        this.systemProperties = new LinkedHashMap<>(systemProperties);
        this.log = log;
        this.port = FreePorts.next();
    }

    /**
     * The packaged application of a sibling module: the path in the system property {@code <module>.jar}, else
     * {@code ../<module>/target/quarkus-app/quarkus-run.jar}.
     *
     * @param buildCommand how to build it, for the message when it is missing
     */
    public static Path packagedJar(String module, String buildCommand) {
        Path jar = Path.of(System.getProperty(module + ".jar", "../" + module + "/target/quarkus-app/quarkus-run.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("No packaged " + module + " at " + jar.toAbsolutePath() + "; build it first: "
                    + buildCommand);
        }
        return jar;
    }

    /** Starts the jar and returns at once; {@link #awaitReady(String, Duration)} waits for it. */
    public static ServiceProcess launch(String name, Path jar, Map<String, String> systemProperties, Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ServiceProcess service = new ServiceProcess(name, jar, systemProperties, logDir.resolve(name + ".log"));
        service.launch();
        return service;
    }

    /** Starts the jar and waits until {@code GET <readyPath>} answers 200. */
    public static ServiceProcess start(String name, Path jar, Map<String, String> systemProperties, Path logDir,
            String readyPath) {
        ServiceProcess service = launch(name, jar, systemProperties, logDir);
        service.awaitReady(readyPath, Duration.ofSeconds(90));
        return service;
    }

    private void launch() {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx160m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Dquarkus.http.host=" + FreePorts.HOST);
        command.add("-Dquarkus.http.port=" + port);
        systemProperties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(jar.toAbsolutePath().toString());
        try {
            Files.writeString(log, "=== start " + java.time.Instant.now() + ": " + command + "\n",
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + ": " + command, e);
        }
    }

    /** Changes a {@code -D} option for the next {@link #restart(String)}; {@code null} removes it. */
    public ServiceProcess set(String key, String value) {
        if (value == null) {
            systemProperties.remove(key);
        } else {
            systemProperties.put(key, value);
        }
        return this;
    }

    /**
     * Waits until {@code GET <path>} answers 200.
     *
     * @throws IllegalStateException when the process ends or the time runs out first, with the end of its log
     */
    public void awaitReady(String path, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped with exit code " + process.exitValue()
                        + " before it was ready; its log, " + log + ", ends with:\n" + logTail());
            }
            try {
                if (get(path).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException(name + " was not ready at " + url() + path + " within " + timeout
                + "; its log, " + log + ", ends with:\n" + logTail());
    }

    public HttpResponse<String> get(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5)).GET().build());
    }

    public HttpResponse<String> post(String path) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(5))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /**
     * SIGKILL: {@link Process#destroyForcibly()} is {@code kill -9} on Linux (the JDK's ProcessHandleImpl sends
     * SIGKILL for a forcible destroy, SIGTERM otherwise); the exit value 137 = 128 + 9 proves it.
     */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        if (process.exitValue() != KILLED_BY_SIGKILL) {
            throw new IllegalStateException(name + " ended with " + process.exitValue() + ", not by SIGKILL");
        }
    }

    /** The process's exit value once it has ended (killed, or stopped by itself); empty while it runs. */
    public OptionalInt exitValue() {
        return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
    }

    /** Starts the process again, with the same port and options, and waits until it is ready. */
    public void restart(String readyPath) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is still running");
        }
        launch();
        awaitReady(readyPath, Duration.ofSeconds(90));
    }

    public String url() {
        return "http://" + FreePorts.HOST + ":" + port;
    }

    public String name() {
        return name;
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    /** Stops the process as Ctrl+C would, killing it when it has not ended within ten seconds. */
    @Override
    public void close() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
