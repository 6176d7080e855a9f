package io.quarkiverse.moduleevents.examples.userservice;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.moduleevents.messaging.BridgeCounters;

/**
 * The only code of this service that is not the monolith's user module: what the messaging bridge sent, for people
 * and tests that want to see it, at {@code GET /bridge/<channel>}.
 */
@Path("/bridge")
class OutgoingCounts {

    private final BridgeCounters counters;

    OutgoingCounts(BridgeCounters counters) {
        this.counters = counters;
    }

    /**
     * @return the events the broker acknowledged on that outgoing channel, and those that could not be sent
     */
    @GET
    @Path("{channel}")
    public Counts counts(@PathParam("channel") String channel) {
        return new Counts(channel, counters.sent(channel), counters.sendFailures(channel));
    }

    record Counts(String channel, long sent, long sendFailures) {
    }
}
