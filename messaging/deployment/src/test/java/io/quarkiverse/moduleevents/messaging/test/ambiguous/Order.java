package io.quarkiverse.moduleevents.messaging.test.ambiguous;

import io.quarkiverse.moduleevents.messaging.EventSubject;

public record Order(@EventSubject String id, @EventSubject String customer) {
}
