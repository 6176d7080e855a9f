package io.quarkiverse.moduleevents.messaging.test.billing;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

@EventModule("billing")
public interface BillingEvents extends EventEmitter {
    @Payload(User.class)
    String INVOICE_SENT = "billing:invoice:sent";
}
