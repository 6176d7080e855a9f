package io.quarkiverse.moduleevents.benchmarks.springmodulith.driver;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Quarkus application of {@code quarkus-app/}, with the outbox's durable receiver, with a plain asynchronous
 * receiver, and without a receiver: ArC builds its observers at build time, so each listener is a package of its
 * own, {@code <targets>/<listener>/quarkus-app/quarkus-run.jar}.
 */
record DurableReceiversApplication(Path targets) implements ApplicationUnderTest {

    @Override
    public String name() {
        return "Quarkus Module Events durable receivers";
    }

    @Override
    public List<String> command(Case c) {
        return ApplicationUnderTest.javaJar(targets.resolve(c.listener()).resolve("quarkus-app")
                .resolve("quarkus-run.jar"));
    }

    @Override
    public List<Case> cases() {
        return List.of(
                new Case("no receiver", "none", Map.of()),
                new Case("plain @ObservesAsync (sendAsync, no record)", "plain", Map.of()),
                new Case("@Durable @Observes", "durable", Map.of()));
    }

    @Override
    public String crashPoint(long orderId) {
        return String.format(Locale.ROOT, "at the end of the receiver's method for order %,d (the durable receiver: "
                + "before its delivery's transaction committed; the plain one: after its transaction committed)",
                orderId);
    }
}
