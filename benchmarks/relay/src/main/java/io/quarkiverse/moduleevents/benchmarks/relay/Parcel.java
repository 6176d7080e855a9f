package io.quarkiverse.moduleevents.benchmarks.relay;

/**
 * The payload of the durable-receiver benchmark.
 */
public record Parcel(String id, String orderId, int weightGrams) {
}
