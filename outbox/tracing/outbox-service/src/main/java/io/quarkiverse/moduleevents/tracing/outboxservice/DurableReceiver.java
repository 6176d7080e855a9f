package io.quarkiverse.moduleevents.tracing.outboxservice;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkiverse.moduleevents.tracing.service.ReceiverSpans;
import io.quarkiverse.moduleevents.tracing.service.Traced;
import io.quarkiverse.moduleevents.tracing.service.TracedEvents;

/** A durable receiver of the events that come from Kafka: its record keeps the trace context of their arrival. */
@ApplicationScoped
public class DurableReceiver {

    private final ReceiverSpans receiverSpans;

    DurableReceiver(ReceiverSpans receiverSpans) {
        this.receiverSpans = receiverSpans;
    }

    @Durable
    void onKafka(@Observes @Remote @Named(TracedEvents.ON_KAFKA) Traced event) {
        receiverSpans.record("durable", event);
    }
}
