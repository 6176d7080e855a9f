package io.quarkiverse.moduleevents.shareddatabase;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/** The shop's module: it sends these events, billing receives them. */
@EventModule("order")
public interface OrderEvents extends EventEmitter {

    @Payload(Item.class)
    String PLACED = "order:orders:placed";

    /** routed only by the current version of the shop, not by its previous one */
    @Payload(Item.class)
    String CANCELLED = "order:orders:cancelled";
}
