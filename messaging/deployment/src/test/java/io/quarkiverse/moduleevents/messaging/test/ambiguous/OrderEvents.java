package io.quarkiverse.moduleevents.messaging.test.ambiguous;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;

/**
 * Two events whose payload type has two {@code @EventSubject} members, for the builds that must refuse it.
 */
@EventModule("order")
public interface OrderEvents {
    @Payload(Order.class)
    String ORDER_PLACED = "order:order:placed";

    @Payload(Order.class)
    String ORDER_CANCELLED = "order:order:cancelled";
}
