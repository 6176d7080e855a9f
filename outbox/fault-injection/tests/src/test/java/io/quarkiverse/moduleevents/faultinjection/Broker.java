package io.quarkiverse.moduleevents.faultinjection;

import java.util.List;
import java.util.Map;

/**
 * The broker of a fault-injection run, as the scenarios and the {@link Checker} need it: started, stopped and started
 * again with its data; one destination per scenario, refusing messages over {@link #MAX_MESSAGE_BYTES}; the
 * configuration that points the services at it; and what reached it, read back with a plain client.
 */
interface Broker extends AutoCloseable {

    /** The largest message a destination takes; the poison outbound event is larger. */
    int MAX_MESSAGE_BYTES = 65_536;

    /** What the services built for this broker are called: {@code producer<suffix>} and {@code consumer<suffix>}. */
    String serviceSuffix();

    void start();

    void stop();

    void createDestination(String destination);

    Map<String, String> producerConfig(String destination);

    Map<String, String> consumerConfig(String destination, String consumerGroup);

    /**
     * Producer configuration that keeps sent events unacknowledged in the producer's memory for longer, so that a
     * SIGKILL catches some in flight.
     */
    Map<String, String> longerInFlight();

    /**
     * Whether a message the broker refuses closes the producer's sending channel (its liveness check goes down, and
     * the scenario restarts it).
     */
    boolean refusalClosesTheSendingChannel();

    /** Every message that reached the destination, duplicates included. */
    List<Published> published(String destination);

    /** The bodies of the messages that the consumer's side dead-lettered. */
    List<String> deadLettered(String destination);

    @Override
    void close();

    /** One message on the broker: its CloudEvents id and its body. */
    record Published(String cloudEventId, String body) {
    }
}
