package io.quarkiverse.moduleevents.faultinjection.consumer;

/**
 * The payload: the business id (the primary key of the order row, written in the same transaction), its sequence
 * number in the run, the instance that sent it, and padding, empty unless a scenario wants an oversized event.
 */
public record OrderPlaced(String businessId, int sequence, String instance, String padding) {
}
