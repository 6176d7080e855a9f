package io.quarkiverse.moduleevents.tracing.service;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.opentelemetry.api.trace.Span;

@Path("/traces")
public class TraceResource {

    private final TracedEvents events;
    private final TraceIds traceIds;

    TraceResource(TracedEvents events, TraceIds traceIds) {
        this.events = events;
        this.traceIds = traceIds;
    }

    /**
     * Sends an event on the broker, {@code kafka} or {@code amqp}.
     *
     * @return the trace id of this request's HTTP server span, the sender's
     */
    @POST
    @Path("/{broker}/{id}")
    @Produces(MediaType.TEXT_PLAIN)
    public String send(@PathParam("broker") String broker, @PathParam("id") String id) {
        events.send("kafka".equals(broker) ? TracedEvents.ON_KAFKA : TracedEvents.ON_AMQP, new Traced(id));
        return Span.current().getSpanContext().getTraceId();
    }

    /**
     * @return what the receivers recorded, see {@link TraceIds}
     */
    @GET
    @Path("/received")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> received() {
        return traceIds.all();
    }
}
