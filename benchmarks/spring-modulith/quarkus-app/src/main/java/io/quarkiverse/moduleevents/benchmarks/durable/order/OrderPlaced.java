package io.quarkiverse.moduleevents.benchmarks.durable.order;

/** Sent once an order is inserted; {@code orderId} keys the effect row its receiver writes. */
public record OrderPlaced(long orderId) {
}
