package io.quarkiverse.moduleevents.faultinjection.producer;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/** The module whose events the fault-injection suite follows; the consumer declares the same. */
@EventModule("order")
public interface OrderEvents extends EventEmitter {

    @Payload(OrderPlaced.class)
    String PLACED = "order:orders:placed";
}
