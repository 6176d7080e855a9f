package io.quarkiverse.moduleevents.shareddatabase;

import io.quarkiverse.moduleevents.messaging.EventSubject;

/** The payload of every event of the two services: the id of what the event is about. */
public record Item(@EventSubject String id) {
}
