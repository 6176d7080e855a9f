package io.quarkiverse.moduleevents.messaging.runtime;

import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/**
 * The Kafka record key of an outgoing event. Kept apart so that the Kafka API is loaded only on Kafka channels: the
 * dependency is optional.
 */
final class KafkaRecordKey {

    private KafkaRecordKey() {
    }

    static Object of(String subject) {
        return OutgoingKafkaRecordMetadata.<String> builder().withKey(subject).build();
    }
}
