package io.quarkiverse.moduleevents.benchmarks.springmodulith.effects;

import org.springframework.context.annotation.Profile;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import io.quarkiverse.moduleevents.benchmarks.springmodulith.order.OrderPlaced;

/**
 * The listener Spring Modulith's event publication registry keeps track of: asynchronous, after the sender's commit,
 * in a transaction of its own, its publication stored in the sender's transaction and completed after it returns.
 */
@Component
@Profile("durable")
class DurableEffects {

    private final EffectWriter effects;

    DurableEffects(EffectWriter effects) {
        this.effects = effects;
    }

    @ApplicationModuleListener
    void on(OrderPlaced event) {
        effects.write(event.orderId());
    }
}
