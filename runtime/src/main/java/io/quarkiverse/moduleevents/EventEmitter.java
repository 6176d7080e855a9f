package io.quarkiverse.moduleevents;

import java.lang.annotation.Annotation;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.inject.spi.EventMetadata;
import jakarta.inject.Named;

/**
 * Sends the events of one module, the module's one emitter.
 * <p>
 * Every module has one, injectable as {@code @Inject @EventModule("user") EventEmitter users}; when the module's
 * {@link EventModule} interface extends {@code EventEmitter}, the interface itself is injectable too
 * ({@code @Inject UserEvents users}). A plain {@code @Inject EventEmitter} without the qualifier is a deployment
 * error, since it would not say which module sends.
 * <p>
 * An event is a CDI event fired with two qualifiers, {@code @EventModule("user")} and
 * {@code @Named("user:account:created")}, so receivers are ordinary observer methods:
 *
 * <pre>
 * void onAccount(&#64;Observes &#64;Named(UserEvents.ACCOUNT_CREATED) User user) { ... }
 * </pre>
 *
 * <h2>Error policy</h2>
 * <ul>
 * <li>Bad input never reaches a receiver: every {@code send*} method first checks that the module declares the name,
 * that the payload is not {@code null} and that it is an instance of the event's {@link Payload} type, and throws
 * {@link IllegalArgumentException} saying what to do otherwise ({@link #sendAsync(String, Object)} throws too, rather
 * than returning a failed stage).</li>
 * <li>{@link #send(String, Object)} behaves as CDI's {@code Event.fire}: receivers run in {@code @Priority} order on
 * the caller's thread, and the first exception a receiver throws stops the delivery and reaches the caller.</li>
 * <li>{@link #sendRobust(String, Object)} calls every synchronous receiver even when some throw, and returns what they
 * threw.</li>
 * <li>{@link #sendAsync(String, Object)} behaves as CDI's {@code Event.fireAsync}: every asynchronous receiver is
 * called, and the stage completes exceptionally with a {@code CompletionException} carrying every exception as
 * suppressed when any throws.</li>
 * </ul>
 * Receivers that observe a transaction phase ({@code @Observes(during = AFTER_SUCCESS)}) run in that phase, as in
 * CDI, and what they throw is logged by the container rather than returned.
 * <p>
 * Emitters are thread-safe.
 */
public interface EventEmitter {

    /**
     * @return the module's name, as its {@link EventModule} says
     */
    String module();

    /**
     * @return every event of the module, key (the constant's field name) to event name, in declaration order;
     *         unmodifiable
     */
    Map<String, String> names();

    /**
     * @param key the field name of one of the module's constants, for example {@code "ACCOUNT_CREATED"}
     * @return the event name declared under that key
     * @throws IllegalArgumentException when the module declares no such key; the message names the module and its keys
     */
    String name(String key);

    /**
     * Delivers an event synchronously to every {@code @Observes} receiver of its name, in {@code @Priority} order.
     *
     * @param name one of the module's event names
     * @param payload the event object, an instance of the event's {@link Payload} type
     * @throws IllegalArgumentException when the module does not declare the name, the payload is {@code null}, or the
     *         payload is not an instance of the declared type; no receiver has run then
     * @throws RuntimeException what the first failing receiver threw (a checked exception arrives wrapped in
     *         {@code jakarta.enterprise.event.ObserverException}); the receivers after it have not run
     */
    void send(String name, Object payload);

    /**
     * Delivers an event to every {@code @ObservesAsync} receiver of its name, on the container's executor.
     *
     * @param name one of the module's event names
     * @param payload the event object, an instance of the event's {@link Payload} type
     * @param <T> the payload's type
     * @return a stage that completes with the payload once every asynchronous receiver has run, or exceptionally with a
     *         {@code CompletionException} whose suppressed exceptions are those the receivers threw
     * @throws IllegalArgumentException when the module does not declare the name, the payload is {@code null}, or the
     *         payload is not an instance of the declared type; no receiver has run then
     */
    <T> CompletionStage<T> sendAsync(String name, T payload);

    /**
     * Delivers an event synchronously to every {@code @Observes} receiver of its name, in {@code @Priority} order,
     * calling each of them even when others throw.
     *
     * @param name one of the module's event names
     * @param payload the event object, an instance of the event's {@link Payload} type
     * @return one failure per receiver that threw, in the order they ran; empty when none did
     * @throws IllegalArgumentException when the module does not declare the name, the payload is {@code null}, or the
     *         payload is not an instance of the declared type; no receiver has run then
     */
    List<ReceiverFailure> sendRobust(String name, Object payload);

    /**
     * Tells whether sending the event would reach anyone: an observer method of its name, of a pattern that matches it
     * or of its module, or an observer without qualifiers, whose observed type can receive the declared payload type;
     * or, with the messaging bridge, an outgoing channel the event is selected for, whose sending side counts as a
     * receiver. Decided at build time; it knows nothing of who listens on the far side of a channel.
     *
     * @param name one of the module's event names
     * @return whether sending the event would call any receiver or put it on a channel
     * @throws IllegalArgumentException when the module does not declare the name
     */
    boolean hasReceivers(String name);

    /**
     * Tells a receiver which event it got, useful in a receiver of a whole module or of a pattern.
     *
     * <pre>
     * void audit(&#64;Observes &#64;EventModule("user") Object payload, EventMetadata meta) {
     *     log(EventEmitter.nameOf(meta), payload);
     * }
     * </pre>
     *
     * @param metadata the metadata CDI passes to the observer
     * @return the event's name, the value of its {@code @Named} qualifier, or {@code null} for an event that has none
     */
    static String nameOf(EventMetadata metadata) {
        for (Annotation qualifier : metadata.getQualifiers()) {
            if (qualifier instanceof Named named) {
                return named.value();
            }
        }
        return null;
    }
}
