package io.quarkiverse.moduleevents.tracing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * The exporter of this service's spans: {@code quarkus-opentelemetry} exports to every {@code SpanExporter} bean
 * ({@code quarkus.otel.traces.exporter=cdi}, its default).
 */
@ApplicationScoped
public class InMemorySpanExporterProducer {

    @Produces
    @Singleton
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
