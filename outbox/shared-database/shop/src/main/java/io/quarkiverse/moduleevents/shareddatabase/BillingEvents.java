package io.quarkiverse.moduleevents.shareddatabase;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/** Billing's module: it sends these events, the shop receives them. */
@EventModule("billing")
public interface BillingEvents extends EventEmitter {

    @Payload(Item.class)
    String ISSUED = "billing:invoices:issued";
}
