package io.quarkiverse.moduleevents.benchmarks.durable.order;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/** The module {@code order} and its one event. */
@EventModule("order")
public interface OrderEvents extends EventEmitter {

    @Payload(OrderPlaced.class)
    String PLACED = "order:orders:placed";
}
