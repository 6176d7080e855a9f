package io.quarkiverse.moduleevents.messaging.runtime.tracing;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.quarkiverse.moduleevents.messaging.spi.EventTraceContext;
import io.quarkiverse.moduleevents.messaging.spi.EventTracing;

/**
 * The tracing of an application without {@code quarkus-opentelemetry}: no context, no span.
 */
@Singleton
public class NoEventTracing implements EventTracing {

    private static final Scope NO_SCOPE = () -> {
    };

    @Override
    public EventTraceContext current() {
        return null;
    }

    @Override
    public Scope continueTrace(String spanName, TraceStep step, EventTraceContext parent) {
        return NO_SCOPE;
    }

    @Override
    public <T> Message<T> publishedUnder(Message<T> message, EventTraceContext context) {
        return message;
    }
}
