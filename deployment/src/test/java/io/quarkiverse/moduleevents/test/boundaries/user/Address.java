package io.quarkiverse.moduleevents.test.boundaries.user;

public record Address(String city) {
}
