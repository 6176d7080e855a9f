package io.quarkiverse.moduleevents.tracing.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import io.opentelemetry.api.trace.Span;
import io.quarkiverse.moduleevents.messaging.Remote;

/**
 * The trace id that {@link Span#current()} reports in each receiver, by receiver and event id: {@code remote:<id>} for
 * the {@code @Remote} receivers here, {@code durable:<id>} for the outbox service's durable receiver.
 */
@ApplicationScoped
public class TraceIds {

    private final Map<String, String> traceIds = new ConcurrentHashMap<>();

    void onKafka(@Observes @Remote @Named(TracedEvents.ON_KAFKA) Traced event) {
        record("remote", event);
    }

    void onAmqp(@Observes @Remote @Named(TracedEvents.ON_AMQP) Traced event) {
        record("remote", event);
    }

    public void record(String receiver, Traced event) {
        traceIds.put(receiver + ":" + event.id(), Span.current().getSpanContext().getTraceId());
    }

    Map<String, String> all() {
        return Map.copyOf(traceIds);
    }
}
