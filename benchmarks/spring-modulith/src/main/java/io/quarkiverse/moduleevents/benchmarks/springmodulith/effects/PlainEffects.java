package io.quarkiverse.moduleevents.benchmarks.springmodulith.effects;

import org.springframework.context.annotation.Profile;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import io.quarkiverse.moduleevents.benchmarks.springmodulith.order.OrderPlaced;

/**
 * What {@code @ApplicationModuleListener} expands to, run without the registry (the profile {@code plain} leaves it
 * out): the same work at the same point, remembered nowhere, so lost when the process dies before it ran.
 */
@Component
@Profile("plain")
class PlainEffects {

    private final EffectWriter effects;

    PlainEffects(EffectWriter effects) {
        this.effects = effects;
    }

    @Async
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    @TransactionalEventListener
    void on(OrderPlaced event) {
        effects.write(event.orderId());
    }
}
