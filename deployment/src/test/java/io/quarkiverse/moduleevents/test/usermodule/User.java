package io.quarkiverse.moduleevents.test.usermodule;

public record User(String name) {
}
