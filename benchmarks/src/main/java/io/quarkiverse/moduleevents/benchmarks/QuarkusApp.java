package io.quarkiverse.moduleevents.benchmarks;

import io.quarkus.runtime.Application;

/**
 * Boots the packaged application inside a JMH fork. The benchmarks run from the uber-jar that
 * {@code quarkus:build} made, so every class ArC generated at build time is there, and {@code ApplicationImpl},
 * the class that Quarkus's own {@code main} starts, starts it here the same way.
 */
final class QuarkusApp {

    private QuarkusApp() {
    }

    static Application start() throws Exception {
        Application application = (Application) Class.forName("io.quarkus.runner.ApplicationImpl")
                .getDeclaredConstructor().newInstance();
        application.start(new String[0]);
        return application;
    }
}
