package io.quarkiverse.moduleevents.messaging.runtime;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.messaging.spi.EventTraceContext;
import io.quarkiverse.moduleevents.messaging.spi.EventTracing;
import io.quarkiverse.moduleevents.messaging.spi.OutgoingEventSink;
import io.quarkiverse.moduleevents.spi.SentEventForwarder;

/**
 * The outgoing side of the bridge: every event an emitter sends whose name is selected for an outgoing channel is
 * taken on the sender's thread, before any local receiver runs, and, for each of its channels, handed to the
 * {@link OutgoingEventSink} when a sibling extension (the outbox) provides one, which keeps it in the sender's
 * transaction, or else published by the {@link DirectPublisher} once that transaction commits (at once without one).
 * Either way the message carries the sender's trace context ({@link EventTracing}). Events that came from a broker are fired by
 * the bridge, not sent through an emitter, so they never come here. Not
 * for applications.
 */
@Singleton
public class OutgoingForwarder implements SentEventForwarder {

    private final BridgeRoutes routes;
    private final CloudEventEncoder encoder;
    private final DirectPublisher publisher;
    private final AfterCommit afterCommit;
    private final EventTracing tracing;
    /** {@code null} without the outbox */
    private final OutgoingEventSink sink;

    @Inject
    OutgoingForwarder(BridgeRoutes routes, CloudEventEncoder encoder, DirectPublisher publisher,
            AfterCommit afterCommit, EventTracing tracing, Instance<OutgoingEventSink> sink) {
        this.routes = routes;
        this.tracing = tracing;
        this.encoder = encoder;
        this.publisher = publisher;
        this.afterCommit = afterCommit;
        this.sink = sink.isResolvable() ? sink.get() : null;
    }

    @Override
    public boolean forwards(String module, String name) {
        return !routes.outgoing(name).isEmpty();
    }

    /**
     * @throws RuntimeException what the sink throws, which has then marked the transaction rollback-only (also when
     *         the payload cannot be serialised to JSON); without the outbox, when the transaction refuses the
     *         publication
     */
    @Override
    public void forward(String module, String name, Object payload) {
        List<OutgoingRoute> outgoing = routes.outgoing(name);
        if (sink != null) {
            for (OutgoingRoute route : outgoing) {
                sink.store(() -> encoder.encode(UUID.randomUUID().toString(), route, payload));
            }
            return;
        }
        // the sender's context, taken on its thread: the commit may run the publication elsewhere
        EventTraceContext trace = tracing.current();
        afterCommit.run(() -> {
            for (OutgoingRoute route : outgoing) {
                publisher.publish(route, payload, trace);
            }
        }, name);
    }
}
