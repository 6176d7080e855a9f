package io.quarkiverse.moduleevents.benchmarks.relay;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/** The module whose event both benchmarks send: bridged to channel "orders", so the outbox writes it. */
@EventModule("order")
public interface OrderEvents extends EventEmitter {

    @Payload(OrderPlaced.class)
    String PLACED = "order:orders:placed";
}
