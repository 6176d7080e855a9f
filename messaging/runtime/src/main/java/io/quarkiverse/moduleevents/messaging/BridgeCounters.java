package io.quarkiverse.moduleevents.messaging;

/**
 * Counts what the messaging bridge did on each channel since the application started, for health checks and metrics.
 * Inject it as a bean: {@code @Inject BridgeCounters counters}.
 * <p>
 * Without the outbox, outgoing events are delivered at most once: an event whose send fails (the broker refused it,
 * it was not acknowledged within {@code quarkus.module-events.messaging.send-timeout}, its payload could not be
 * serialised, or too many sends were pending) is logged with its id and counted here, and not sent again.
 */
public interface BridgeCounters {

    /**
     * @return the events the broker acknowledged on that outgoing channel
     */
    long sent(String channel);

    /**
     * @return the events that could not be sent on that outgoing channel
     */
    long sendFailures(String channel);

    /**
     * @return the messages of that incoming channel that were fired to the local receivers and acknowledged
     */
    long received(String channel);

    /**
     * @return the messages of that incoming channel that were rejected (negatively acknowledged)
     */
    long rejected(String channel);

    /**
     * @return the messages of that incoming channel that were dropped as duplicates of a message received before
     */
    long duplicates(String channel);
}
