package io.quarkiverse.moduleevents.benchmarks.springmodulith.driver;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One start of an application under test, its output appended to a log file, until it exits or is stopped. */
final class ApplicationProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final BenchClient client;

    private ApplicationProcess(Process process, BenchClient client) {
        this.process = process;
        this.client = client;
    }

    static ApplicationProcess start(List<String> command, Map<String, String> environment, Path log,
            BenchClient client) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        ApplicationProcess started = new ApplicationProcess(builder.start(), client);
        started.awaitReady();
        return started;
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!client.answers()) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The application exited with " + process.exitValue() + " on start");
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The application did not answer within " + START_TIMEOUT);
            }
            Thread.sleep(200);
        }
    }

    /** Waits for the process to end by itself and returns its exit code. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("The application is still running after " + timeout);
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
