package io.quarkiverse.moduleevents.spi;

import java.lang.annotation.Annotation;
import java.util.concurrent.CompletionStage;

/**
 * Fires declared events to this application's receivers on behalf of a sibling extension (the messaging bridge fires
 * the events it receives from a broker; the outbox delivers the records of its durable receivers). A bean of the core
 * extension: {@code @Inject DeclaredEventFiring firing}. Not for applications, which send through their module's
 * {@code EventEmitter}.
 * <p>
 * The events reach the receivers as an emitter's {@code send} would: with the qualifiers of every send
 * ({@code @EventModule}, {@code @Named} and those of the patterns that match the name) and the additional ones, the
 * same {@code EventMetadata}, the request context active. They are not given to the {@link SentEventForwarder}.
 */
public interface DeclaredEventFiring {

    /**
     * Notifies the synchronous receivers of the event in priority order, after giving the
     * {@link ReceiverRecorder} those it records, as {@code EventEmitter.send} does.
     *
     * @throws IllegalArgumentException when the module does not declare the name, or the payload is not of its
     *         {@code @Payload} type
     * @throws RuntimeException what the first receiver that throws threw; the later receivers are not notified
     */
    void fire(String module, String name, Object payload, Annotation... additionalQualifiers);

    /**
     * Notifies the asynchronous receivers of the event, as {@code EventEmitter.sendAsync} does, without recording
     * any: {@link #fire} recorded them.
     *
     * @return completes when every asynchronous receiver returned, exceptionally when one threw
     */
    CompletionStage<Object> fireAsync(String module, String name, Object payload, Annotation... additionalQualifiers);

    /**
     * Notifies one receiver of the event, a recorded one included, as {@link #fire} would notify it.
     *
     * @param receiver the receiver, as {@code class#method}
     * @throws IllegalArgumentException when the module does not declare the name, or no receiver of that name
     *         observes the event
     * @throws RuntimeException what the receiver threw
     */
    void notifyReceiver(String module, String name, Object payload, String receiver,
            Annotation... additionalQualifiers);

    /**
     * @return the event's {@code @Payload} type; {@code null} when it declares none
     * @throws IllegalArgumentException when the module does not declare the name
     */
    Class<?> payloadType(String module, String name);
}
