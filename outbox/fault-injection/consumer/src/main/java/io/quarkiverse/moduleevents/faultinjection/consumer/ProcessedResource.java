package io.quarkiverse.moduleevents.faultinjection.consumer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** {@code GET /processed}: readiness, and which id, if any, the consumer committed and now holds unacknowledged. */
@Path("/processed")
public class ProcessedResource {

    private final Processed processed;

    ProcessedResource(Processed processed) {
        this.processed = processed;
    }

    @GET
    public State state() {
        return new State(processed.blockedAfterCommit());
    }

    public record State(String blockedAfterCommit) {
    }
}
