package io.quarkiverse.moduleevents.outbox.amqp;

import io.quarkiverse.moduleevents.messaging.EventSubject;

public record Order(@EventSubject String id, String note) {
}
