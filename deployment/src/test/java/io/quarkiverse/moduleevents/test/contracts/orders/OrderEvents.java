package io.quarkiverse.moduleevents.test.contracts.orders;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/**
 * The current release of the orders module: {@code ORDER_PLACED} goes out on channel {@code orders-out},
 * {@code PAYMENT_RECEIVED} comes in from channel {@code payments-in}.
 */
@EventModule("orders")
public interface OrderEvents extends EventEmitter {
    @Payload(Order.class)
    String ORDER_PLACED = "orders:order:placed";
    @Payload(Payment.class)
    String PAYMENT_RECEIVED = "orders:payment:received";
}
