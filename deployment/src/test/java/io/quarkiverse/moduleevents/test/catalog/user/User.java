package io.quarkiverse.moduleevents.test.catalog.user;

public record User(String name) {
}
