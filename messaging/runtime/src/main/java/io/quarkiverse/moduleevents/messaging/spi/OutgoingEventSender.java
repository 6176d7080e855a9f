package io.quarkiverse.moduleevents.messaging.spi;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * Sends events that an {@link OutgoingEventSink} kept, on the channels the bridge routes; a bean of the bridge, for the
 * sink to inject. Not for applications.
 */
public interface OutgoingEventSender {

    /**
     * Sends a prepared event, with its id, time, subject and data as they are, under the current trace context (see
     * {@link EventTracing}). Unlike the bridge's own sends, it is
     * not bounded by {@code max-pending-sends} nor timed out: the caller bounds and times out its sends.
     *
     * @return a stage completed when the broker acknowledged the message, completed exceptionally when it rejected
     *         it, when the event's channel and name are no longer routed by this application, or with a
     *         {@link ChannelClosedException} when the channel's connector has closed it
     */
    CompletionStage<Void> send(OutgoingEvent event);

    /**
     * @return whether the connector of an outgoing channel has closed it, so that nothing can be sent on it until the
     *         application restarts
     */
    boolean isClosed(String channel);

    /**
     * @return the event names this application sends, by outgoing channel: the events {@link #send} takes
     */
    Map<String, Set<String>> routes();
}
