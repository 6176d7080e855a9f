package io.quarkiverse.moduleevents.tracing.service;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/** The events both services send, one per broker, and receive from the other service. */
@EventModule("traced")
public interface TracedEvents extends EventEmitter {

    @Payload(Traced.class)
    String ON_KAFKA = "traced:kafka:sent";

    @Payload(Traced.class)
    String ON_AMQP = "traced:amqp:sent";
}
