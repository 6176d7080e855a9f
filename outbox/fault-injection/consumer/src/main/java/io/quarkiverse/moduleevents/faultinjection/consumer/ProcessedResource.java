package io.quarkiverse.moduleevents.faultinjection.consumer;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.moduleevents.messaging.BridgeCounters;

/**
 * {@code GET /processed}: readiness, which id, if any, the consumer committed and now holds unacknowledged, and how
 * many messages of the channel {@code orders} the bridge dropped as duplicates since this process started.
 */
@Path("/processed")
public class ProcessedResource {

    private final Processed processed;
    private final BridgeCounters counters;

    ProcessedResource(Processed processed, BridgeCounters counters) {
        this.processed = processed;
        this.counters = counters;
    }

    @GET
    public State state() {
        return new State(processed.blockedAfterCommit(), counters.duplicates("orders"));
    }

    public record State(String blockedAfterCommit, long duplicates) {
    }
}
