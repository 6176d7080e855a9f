package io.quarkiverse.moduleevents.benchmarks.relay;

import io.quarkiverse.moduleevents.messaging.EventSubject;

/**
 * The payload, about 90 bytes of JSON. Its order id is the CloudEvents subject and the Kafka record key, so the relay
 * sends the events of one order one after the other.
 */
public record OrderPlaced(@EventSubject String orderId, String customerId, long amountCents, String currency) {
}
