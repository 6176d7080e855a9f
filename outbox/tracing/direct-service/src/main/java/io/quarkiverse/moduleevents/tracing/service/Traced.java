package io.quarkiverse.moduleevents.tracing.service;

/**
 * @param id chosen by the test, to find what the receivers recorded
 */
public record Traced(String id) {
}
