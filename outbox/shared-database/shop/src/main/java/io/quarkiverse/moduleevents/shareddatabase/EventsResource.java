package io.quarkiverse.moduleevents.shareddatabase;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.messaging.BridgeCounters;

/**
 * {@code POST /events/{name}/{subject}} sends an event of the order, billing or notification module in a transaction of
 * its own, so through the outbox; {@code GET /events/channels/{channel}} tells what the bridge counted on a channel.
 */
@Path("/events")
public class EventsResource {

    private final OrderEvents orders;
    private final BillingEvents billing;
    private final NotificationEvents notifications;
    private final BridgeCounters counters;

    EventsResource(OrderEvents orders, BillingEvents billing, NotificationEvents notifications,
            BridgeCounters counters) {
        this.orders = orders;
        this.billing = billing;
        this.notifications = notifications;
        this.counters = counters;
    }

    @POST
    @Path("/{name}/{subject}")
    @Transactional
    public void send(@PathParam("name") String name, @PathParam("subject") String subject) {
        EventEmitter emitter = switch (name.split(":", 2)[0]) {
            case "order" -> orders;
            case "billing" -> billing;
            case "notification" -> notifications;
            default -> throw new NotFoundException("No module of the event " + name);
        };
        emitter.send(name, new Item(subject));
    }

    @GET
    @Path("/channels/{channel}")
    public Counters counters(@PathParam("channel") String channel) {
        return new Counters(counters.sent(channel), counters.received(channel), counters.rejected(channel),
                counters.duplicates(channel));
    }

    public record Counters(long sent, long received, long rejected, long duplicates) {
    }
}
