package io.quarkiverse.moduleevents.benchmarks.springmodulith.driver;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An application the driver measures: how to start it and in which configurations. It serves the HTTP contract of
 * the README ({@code POST /orders}, {@code GET /effects/summary}) and reads its database, port, listener and crash
 * point from the contract's environment variables.
 */
interface ApplicationUnderTest {

    String name();

    /** The command that starts the application for {@code c}. */
    List<String> command(Case c);

    List<Case> cases();

    /** Where {@code BENCH_CRASH_AT_ID} halts the process, for the caption of the crash table. */
    String crashPoint(long orderId);

    /**
     * Runs {@code jar} with this JVM's {@code java}, with the same heap for every application, and the options of
     * {@code BENCH_JVM_OPTS} (such as a flight recording), separated by spaces.
     */
    static List<String> javaJar(Path jar) {
        List<String> command = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xms1g", "-Xmx1g"));
        String options = System.getenv().getOrDefault("BENCH_JVM_OPTS", "").strip();
        if (!options.isEmpty()) {
            command.addAll(List.of(options.split("\\s+")));
        }
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
