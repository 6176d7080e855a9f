package io.quarkiverse.moduleevents.benchmarks.springmodulith.order;

/** Sent once an order is inserted; {@code orderId} keys the effect row its listener writes. */
public record OrderPlaced(long orderId) {
}
