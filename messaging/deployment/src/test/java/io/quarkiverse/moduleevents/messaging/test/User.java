package io.quarkiverse.moduleevents.messaging.test;

import io.quarkiverse.moduleevents.messaging.EventSubject;

public record User(@EventSubject String id, String name) {
}
