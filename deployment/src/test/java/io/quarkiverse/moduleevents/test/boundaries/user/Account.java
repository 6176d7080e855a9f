package io.quarkiverse.moduleevents.test.boundaries.user;

import java.util.List;

public record Account(String name, Address address, List<Role> roles) {
}
