package io.quarkiverse.moduleevents.tracing.service;

import java.util.List;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/** The spans this service finished and exported, for the tests to follow a trace across the services. */
@Path("/spans")
public class SpanResource {

    private final InMemorySpanExporter exporter;

    SpanResource(InMemorySpanExporter exporter) {
        this.exporter = exporter;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<ExportedSpan> exported() {
        return exporter.getFinishedSpanItems().stream().map(ExportedSpan::of).toList();
    }

    /** Forgets the spans exported so far. */
    @DELETE
    public void reset() {
        exporter.reset();
    }
}
