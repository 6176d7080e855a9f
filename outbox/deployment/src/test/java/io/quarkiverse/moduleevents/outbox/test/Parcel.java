package io.quarkiverse.moduleevents.outbox.test;

import io.quarkiverse.moduleevents.messaging.EventSubject;

public record Parcel(@EventSubject String id, int step) {
}
