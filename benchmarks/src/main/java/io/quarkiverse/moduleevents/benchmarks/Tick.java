package io.quarkiverse.moduleevents.benchmarks;

/**
 * The one payload every benchmark sends: small and immutable, created once per trial.
 */
public record Tick(long id, String source) {
}
