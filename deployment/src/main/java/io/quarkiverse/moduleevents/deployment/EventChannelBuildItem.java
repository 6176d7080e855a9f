package io.quarkiverse.moduleevents.deployment;

import java.util.Objects;

import io.quarkus.builder.item.MultiBuildItem;

/**
 * A declared event that a sibling extension (the messaging bridge) carries over a broker channel. An event that goes
 * out on a channel counts as received, one that comes in from a channel as sent: the catalog lists the channel, and
 * neither is reported as unused.
 */
public final class EventChannelBuildItem extends MultiBuildItem {

    private final String eventName;
    private final String channel;
    private final boolean outgoing;

    /**
     * @param eventName a declared event name
     * @param channel the messaging channel
     * @param outgoing {@code true} when the event goes out on the channel, {@code false} when it comes in from it
     */
    public EventChannelBuildItem(String eventName, String channel, boolean outgoing) {
        this.eventName = Objects.requireNonNull(eventName);
        this.channel = Objects.requireNonNull(channel);
        this.outgoing = outgoing;
    }

    /**
     * @return the declared event name
     */
    public String eventName() {
        return eventName;
    }

    /**
     * @return the messaging channel
     */
    public String channel() {
        return channel;
    }

    /**
     * @return whether the event goes out on the channel; otherwise it comes in from it
     */
    public boolean outgoing() {
        return outgoing;
    }
}
