package io.quarkiverse.moduleevents.test.catalog.audit;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkiverse.moduleevents.EventModule;

@ApplicationScoped
public class Audit {

    void everyUserEvent(@Observes @Priority(1) @EventModule("user") Object payload) {
    }
}
