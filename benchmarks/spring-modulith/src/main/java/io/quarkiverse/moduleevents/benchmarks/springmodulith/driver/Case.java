package io.quarkiverse.moduleevents.benchmarks.springmodulith.driver;

import java.util.Map;

/**
 * One configuration of an application under test: {@code listener} is the contract's {@code BENCH_LISTENER}
 * ({@code none}, {@code plain} or {@code durable}); {@code environment} adds what only that application reads.
 */
record Case(String label, String listener, Map<String, String> environment) {

    boolean hasListener() {
        return !"none".equals(listener);
    }
}
