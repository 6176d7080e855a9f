package io.quarkiverse.moduleevents.examples.mailservice;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.it.user.User;
import io.quarkiverse.moduleevents.it.user.UserEvents;
import io.quarkiverse.moduleevents.messaging.BridgeCounters;
import io.quarkiverse.moduleevents.messaging.Remote;

/**
 * The only code of this service that is not the monolith's mail module: shows how the user module's events arrive,
 * for people and tests that want to see it. It records every event of the user module with whether it carried
 * {@code @Remote}, and, through a receiver that asks for {@code @Remote}, the accounts that came from the broker; it
 * serves them at {@code GET /arrivals}, and what the bridge did with an incoming channel's messages at
 * {@code GET /bridge/<channel>}. The mails themselves are at the mail module's own {@code GET /mail/outbox}.
 */
@Path("/")
@ApplicationScoped
class Arrivals {

    private final List<Arrival> events = new CopyOnWriteArrayList<>();
    private final List<String> remoteAccounts = new CopyOnWriteArrayList<>();

    @Inject
    BridgeCounters counters;

    void onUserEvent(@Observes @EventModule("user") Object payload, EventMetadata metadata) {
        boolean remote = metadata.getQualifiers().stream().anyMatch(qualifier -> qualifier instanceof Remote);
        events.add(new Arrival(EventEmitter.nameOf(metadata), remote, payload.getClass().getName()));
    }

    void onRemoteAccount(@Observes @Remote @Named(UserEvents.ACCOUNT_CREATED) User user) {
        remoteAccounts.add(user.id());
    }

    /**
     * @return every event of the user module received, in order, and the ids of the accounts that the
     *         {@code @Remote} receiver got
     */
    @GET
    @Path("arrivals")
    public Received arrivals() {
        return new Received(List.copyOf(events), List.copyOf(remoteAccounts));
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

    /**
     * One event of the user module as this service received it.
     *
     * @param name the event's name
     * @param remote whether it was fired with {@code @Remote}, that is, came from the broker
     * @param payloadType the class its payload was decoded into
     */
    record Arrival(String name, boolean remote, String payloadType) {
    }

    record Received(List<Arrival> events, List<String> remoteAccounts) {
    }

    record Counts(String channel, long received, long rejected, long duplicates) {
    }
}
