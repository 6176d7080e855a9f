package io.quarkiverse.moduleevents.messaging.runtime;

import io.quarkiverse.moduleevents.runtime.EventCounter;

/**
 * The counters of what the bridge did with each event on each channel, a bean only when the application has
 * {@code quarkus-micrometer}. {@link ChannelCounters} asks for each counter once and keeps it.
 */
public interface BridgeMeters {

    /** The event tag of an incoming message whose type is not an event selected for its channel, or that has none. */
    String UNKNOWN_EVENT = "unknown";

    EventCounter outgoing(String channel, String event, OutgoingOutcome outcome);

    /**
     * @param event the event's name, {@link #UNKNOWN_EVENT} when the message's type is not one selected for the
     *        channel: a peer's type is never a tag, so the tags stay bounded by the configuration
     */
    EventCounter incoming(String channel, String event, IncomingOutcome outcome);

    /** What became of an event sent on an outgoing channel. */
    enum OutgoingOutcome {
        ACKED("acked"),
        FAILED("failed"),
        TIMED_OUT("timed-out");

        public final String tag;

        OutgoingOutcome(String tag) {
            this.tag = tag;
        }
    }

    /** What became of a message of an incoming channel. */
    enum IncomingOutcome {
        DELIVERED("delivered"),
        DUPLICATE("duplicate"),
        REJECTED("rejected");

        public final String tag;

        IncomingOutcome(String tag) {
            this.tag = tag;
        }
    }
}
