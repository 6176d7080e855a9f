package io.quarkiverse.moduleevents.shareddatabase;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/** A third service's module, the warehouse's: both services receive its events from one topic. */
@EventModule("stock")
public interface StockEvents extends EventEmitter {

    @Payload(Item.class)
    String RESERVED = "stock:items:reserved";
}
