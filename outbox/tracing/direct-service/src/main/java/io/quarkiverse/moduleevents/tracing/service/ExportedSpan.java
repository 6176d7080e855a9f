package io.quarkiverse.moduleevents.tracing.service;

import java.util.Map;
import java.util.TreeMap;

import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * A finished span as the exporter received it.
 *
 * @param parentSpanId {@code 0000000000000000} for a span without a parent
 * @param kind {@code SERVER}, {@code PRODUCER}, {@code CONSUMER}, ...
 * @param attributes their values as text
 */
public record ExportedSpan(String traceId, String spanId, String parentSpanId, String name, String kind,
        Map<String, String> attributes) {

    static ExportedSpan of(SpanData span) {
        Map<String, String> attributes = new TreeMap<>();
        span.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), String.valueOf(value)));
        return new ExportedSpan(span.getTraceId(), span.getSpanId(), span.getParentSpanId(), span.getName(),
                span.getKind().name(), attributes);
    }
}
