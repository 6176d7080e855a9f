package io.quarkiverse.moduleevents.runtime;

/**
 * The counters of what the emitters do, a bean only when the application has a metrics extension: without one the
 * emitters find none and count nothing. Each counter is asked for once (a name's when its dispatcher is made, a
 * receiver's when the receivers of a payload type are resolved) and kept, so that a send looks up no meter. Not for
 * applications.
 */
public interface EventMeters {

    /**
     * @return the counter of the sends of the event; {@code null} when they are not counted
     */
    EventCounter sent(String module, String event);

    /**
     * @param receiver the receiver as {@code class#method}
     * @return the counter of the failures of the receiver when it receives the event; {@code null} when they are not
     *         counted
     */
    EventCounter receiverFailures(String event, String receiver);
}
