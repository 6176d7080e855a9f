package io.quarkiverse.moduleevents.examples.mailservice;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.moduleevents.examples.mailservice.Arrivals.Arrival;
import io.quarkiverse.moduleevents.messaging.BridgeCounters;

/**
 * Not part of the mail module: what arrived from the broker, for people and tests that want to see it. The mails
 * themselves are at the mail module's own {@code GET /mail/outbox}.
 */
@Path("/")
class ArrivalsResource {

    private final Arrivals arrivals;
    private final BridgeCounters counters;

    ArrivalsResource(Arrivals arrivals, BridgeCounters counters) {
        this.arrivals = arrivals;
        this.counters = counters;
    }

    /**
     * @return every event of the user module received, in order, and the ids of the accounts that the
     *         {@code @Remote} receiver got
     */
    @GET
    @Path("arrivals")
    public Received arrivals() {
        return new Received(arrivals.events(), arrivals.remoteAccounts());
    }

    /**
     * @return what the messaging bridge did with the messages of that incoming channel
     */
    @GET
    @Path("bridge/{channel}")
    public Counts counts(@PathParam("channel") String channel) {
        return new Counts(channel, counters.received(channel), counters.rejected(channel),
                counters.duplicates(channel));
    }

    record Received(List<Arrival> events, List<String> remoteAccounts) {
    }

    record Counts(String channel, long received, long rejected, long duplicates) {
    }
}
