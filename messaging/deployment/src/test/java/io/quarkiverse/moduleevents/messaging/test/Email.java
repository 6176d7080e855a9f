package io.quarkiverse.moduleevents.messaging.test;

public record Email(String address) {
}
