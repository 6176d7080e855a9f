package io.quarkiverse.moduleevents.messaging.test;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/**
 * A registry that keeps counts, as a registry extension would add one: quarkus-micrometer alone has none.
 */
public class SimpleRegistry {

    @Produces
    @Singleton
    SimpleMeterRegistry simple() {
        return new SimpleMeterRegistry();
    }
}
