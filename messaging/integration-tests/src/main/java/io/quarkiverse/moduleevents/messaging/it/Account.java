package io.quarkiverse.moduleevents.messaging.it;

import io.quarkiverse.moduleevents.messaging.EventSubject;

public record Account(@EventSubject String id, String name) {
}
