package io.quarkiverse.moduleevents.messaging.runtime.tracing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkiverse.moduleevents.messaging.spi.EventTraceContext;
import io.quarkiverse.moduleevents.messaging.spi.EventTracing;
import io.smallrye.reactive.messaging.TracingMetadata;

/**
 * The tracing of an application with {@code quarkus-opentelemetry}. The context crosses the broker and the outbox in
 * the W3C format whatever propagators the application configures, as the CloudEvents distributed-tracing extension
 * defines it.
 */
@Singleton
public class OpenTelemetryEventTracing implements EventTracing {

    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";
    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<EventTraceContext> GETTER = new TextMapGetter<>() {

        @Override
        public Iterable<String> keys(EventTraceContext carrier) {
            return List.of(TRACEPARENT, TRACESTATE);
        }

        @Override
        public String get(EventTraceContext carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier.traceparent() : TRACESTATE.equals(key) ? carrier.tracestate() : null;
        }
    };

    private final Tracer tracer;

    @Inject
    OpenTelemetryEventTracing(Instance<OpenTelemetry> openTelemetry) {
        // no bean when the application turns OpenTelemetry off at build time (quarkus.otel.enabled=false)
        this.tracer = (openTelemetry.isResolvable() ? openTelemetry.get() : OpenTelemetry.noop())
                .getTracer("io.quarkiverse.moduleevents");
    }

    @Override
    public EventTraceContext current() {
        Context context = Context.current();
        if (!Span.fromContext(context).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> headers = new HashMap<>();
        W3C.inject(context, headers, Map::put);
        return EventTraceContext.of(headers.get(TRACEPARENT), headers.get(TRACESTATE));
    }

    @Override
    public Scope continueTrace(String spanName, TraceStep step, EventTraceContext parent) {
        Context parentContext = parent == null ? Context.current() : W3C.extract(Context.current(), parent, GETTER);
        Span span = tracer.spanBuilder(spanName).setParent(parentContext).setSpanKind(kind(step)).startSpan();
        io.opentelemetry.context.Scope current = span.makeCurrent();
        return () -> {
            current.close();
            span.end();
        };
    }

    @Override
    public <T> Message<T> publishedUnder(Message<T> message, EventTraceContext context) {
        if (context == null) {
            return message;
        }
        return message.addMetadata(TracingMetadata.withCurrent(W3C.extract(Context.root(), context, GETTER)));
    }

    private static SpanKind kind(TraceStep step) {
        return switch (step) {
            case PUBLISH -> SpanKind.PRODUCER;
            case PROCESS -> SpanKind.CONSUMER;
            case DELIVER -> SpanKind.INTERNAL;
        };
    }
}
