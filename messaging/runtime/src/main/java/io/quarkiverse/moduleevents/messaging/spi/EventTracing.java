package io.quarkiverse.moduleevents.messaging.spi;

import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Carries the sender's trace across the broker and the outbox when the application has {@code quarkus-opentelemetry};
 * without it, a bean of the bridge that does nothing. Not for applications.
 */
public interface EventTracing {

    /**
     * @return the W3C context of the current span, {@code null} when there is none (or no tracing)
     */
    EventTraceContext current();

    /**
     * Starts a span whose parent is {@code parent} (the current span when {@code null}) and makes it current until the
     * returned scope is closed, which ends it.
     */
    Scope continueTrace(String spanName, TraceStep step, EventTraceContext parent);

    /**
     * @return the message, with the metadata that makes the connector's own tracing publish it under {@code context}
     *         (the connector's span a child of it), whatever thread the connector sends it on
     */
    <T> Message<T> publishedUnder(Message<T> message, EventTraceContext context);

    /**
     * What a span of {@link #continueTrace} does.
     */
    enum TraceStep {
        /** the outbox's relay publishes an event stored earlier */
        PUBLISH,
        /** a receiver processes an event that came from the broker */
        PROCESS,
        /** a durable receiver is notified of its record */
        DELIVER
    }

    /**
     * Ends a span and restores the context that was current before it.
     */
    interface Scope extends AutoCloseable {

        @Override
        void close();
    }
}
