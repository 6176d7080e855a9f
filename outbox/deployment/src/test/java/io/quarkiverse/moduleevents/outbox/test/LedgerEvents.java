package io.quarkiverse.moduleevents.outbox.test;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/**
 * A module with events that declare no payload, which durable receivers cannot receive.
 */
@EventModule("ledger")
public interface LedgerEvents extends EventEmitter {

    @Payload(Order.class)
    String ENTRY_BOOKED = "ledger:entry:booked";

    String ENTRY_CHECKED = "ledger:entry:checked";

    String BALANCE_CHECKED = "ledger:balance:checked";
}
