package io.quarkiverse.moduleevents.benchmarks;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Any;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.arc.Unremovable;
import io.vertx.core.eventbus.EventBus;

/**
 * What an application would inject, handed to the JMH state: the benchmark state is created by JMH, not by CDI.
 */
@Singleton
@Unremovable
public class Fixtures {

    @Inject
    @Any
    Event<Object> events;

    @Inject
    BenchEvents emitter;

    @Inject
    Receivers receivers;

    @Inject
    MeteredEvents meteredEmitter;

    @Inject
    AsyncReceivers asyncReceivers;

    @Inject
    BusReceivers busReceivers;

    @Inject
    EventBus bus;
}
