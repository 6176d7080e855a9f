package io.quarkiverse.moduleevents.benchmarks.springmodulith.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Spring Boot application of this project, without a listener, with a plain one, and with the registry. */
record SpringModulithApplication(Path jar) implements ApplicationUnderTest {

    @Override
    public String name() {
        return "Spring Modulith 2.0.3";
    }

    @Override
    public List<String> command(Case c) {
        return ApplicationUnderTest.javaJar(jar);
    }

    @Override
    public List<Case> cases() {
        return List.of(
                new Case("no listener", "none", Map.of()),
                new Case("plain @TransactionalEventListener (@Async, no registry)", "plain", Map.of()),
                registry("update"),
                registry("delete"),
                registry("archive"));
    }

    @Override
    public String crashPoint(long orderId) {
        return String.format(Locale.ROOT, "once the listener's transaction for order %,d committed", orderId);
    }

    private static Case registry(String completionMode) {
        return new Case("@ApplicationModuleListener, JDBC registry, completion-mode=" + completionMode, "durable",
                Map.of("BENCH_COMPLETION_MODE", completionMode));
    }
}
