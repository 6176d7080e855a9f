package io.quarkiverse.moduleevents.tracing.service;

import java.util.Map;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.moduleevents.tracing.service.ReceiverSpans.ReceiverSpan;

@Path("/traces")
public class TraceResource {

    private final TracedEvents events;
    private final ReceiverSpans receiverSpans;

    TraceResource(TracedEvents events, ReceiverSpans receiverSpans) {
        this.events = events;
        this.receiverSpans = receiverSpans;
    }

    /**
     * Sends an event on the broker, {@code kafka} or {@code amqp}, in this request's HTTP server span.
     */
    @POST
    @Path("/{broker}/{id}")
    public void send(@PathParam("broker") String broker, @PathParam("id") String id) {
        events.send("kafka".equals(broker) ? TracedEvents.ON_KAFKA : TracedEvents.ON_AMQP, new Traced(id));
    }

    /**
     * @return what the receivers recorded, see {@link ReceiverSpans}
     */
    @GET
    @Path("/received")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, ReceiverSpan> received() {
        return receiverSpans.all();
    }
}
