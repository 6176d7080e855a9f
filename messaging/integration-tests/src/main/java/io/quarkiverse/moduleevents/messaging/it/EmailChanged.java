package io.quarkiverse.moduleevents.messaging.it;

public record EmailChanged(String userId, String address) {
}
