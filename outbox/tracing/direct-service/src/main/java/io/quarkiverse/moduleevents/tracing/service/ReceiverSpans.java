package io.quarkiverse.moduleevents.tracing.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.quarkiverse.moduleevents.messaging.Remote;

/**
 * The span that {@link Span#current()} reports in each receiver, by receiver and event id: {@code remote:<id>} for the
 * {@code @Remote} receivers here, {@code durable:<id>} for the outbox service's durable receiver. The tests look it up
 * among the exported spans, to see that the receiver ran inside the span that continues the sender's trace.
 */
@ApplicationScoped
public class ReceiverSpans {

    private final Map<String, ReceiverSpan> spans = new ConcurrentHashMap<>();

    void onKafka(@Observes @Remote @Named(TracedEvents.ON_KAFKA) Traced event) {
        record("remote", event);
    }

    void onAmqp(@Observes @Remote @Named(TracedEvents.ON_AMQP) Traced event) {
        record("remote", event);
    }

    public void record(String receiver, Traced event) {
        SpanContext current = Span.current().getSpanContext();
        spans.put(receiver + ":" + event.id(), new ReceiverSpan(current.getTraceId(), current.getSpanId()));
    }

    Map<String, ReceiverSpan> all() {
        return Map.copyOf(spans);
    }

    public record ReceiverSpan(String traceId, String spanId) {
    }
}
