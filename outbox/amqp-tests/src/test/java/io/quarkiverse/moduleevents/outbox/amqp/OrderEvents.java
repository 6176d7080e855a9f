package io.quarkiverse.moduleevents.outbox.amqp;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

@EventModule("order")
public interface OrderEvents extends EventEmitter {

    @Payload(Order.class)
    String ORDER_PLACED = "order:order:placed";
}
