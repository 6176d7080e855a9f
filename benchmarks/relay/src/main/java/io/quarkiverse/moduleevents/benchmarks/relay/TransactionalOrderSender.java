package io.quarkiverse.moduleevents.benchmarks.relay;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Sends events with the module's emitter inside one transaction: the outbox writes one row per event in it, and the
 * commit wakes the relay.
 */
@ApplicationScoped
public class TransactionalOrderSender {

    private final OrderEvents events;

    TransactionalOrderSender(OrderEvents events) {
        this.events = events;
    }

    @Transactional
    public void sendAll(List<OrderPlaced> orders) {
        for (OrderPlaced order : orders) {
            events.send(OrderEvents.PLACED, order);
        }
    }
}
