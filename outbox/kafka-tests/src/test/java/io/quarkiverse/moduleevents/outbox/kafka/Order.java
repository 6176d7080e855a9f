package io.quarkiverse.moduleevents.outbox.kafka;

import io.quarkiverse.moduleevents.messaging.EventSubject;

public record Order(@EventSubject String id, int total) {
}
