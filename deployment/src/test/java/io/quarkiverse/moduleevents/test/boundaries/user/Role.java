package io.quarkiverse.moduleevents.test.boundaries.user;

public enum Role {
    MEMBER,
    ADMIN
}
