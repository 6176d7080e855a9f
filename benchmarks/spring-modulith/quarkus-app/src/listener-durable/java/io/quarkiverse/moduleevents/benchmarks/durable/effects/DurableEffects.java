package io.quarkiverse.moduleevents.benchmarks.durable.effects;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.benchmarks.durable.order.OrderEvents;
import io.quarkiverse.moduleevents.benchmarks.durable.order.OrderPlaced;
import io.quarkiverse.moduleevents.outbox.Durable;

/**
 * The durable receiver: its record is written in the sender's transaction; after the commit it is called in the
 * delivery's transaction, which also deletes the record. The crash point is the end of this method, before that
 * transaction commits.
 */
@ApplicationScoped
class DurableEffects {

    private final EffectWriter effects;

    DurableEffects(EffectWriter effects) {
        this.effects = effects;
    }

    @Durable
    void on(@Observes @Named(OrderEvents.PLACED) OrderPlaced event) throws SQLException {
        effects.write(event.orderId());
        effects.haltIfCrashPoint(event.orderId());
    }
}
