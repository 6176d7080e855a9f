package io.quarkiverse.moduleevents.runtime;

/**
 * One counter of {@link EventMeters}, bound to its tags once and then only incremented.
 */
@FunctionalInterface
public interface EventCounter {

    void increment();
}
