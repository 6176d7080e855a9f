package io.quarkiverse.moduleevents.benchmarks.durable.effects;

import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Named;

import io.quarkiverse.moduleevents.benchmarks.durable.order.OrderEvents;
import io.quarkiverse.moduleevents.benchmarks.durable.order.OrderPlaced;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * A receiver that is not durable: {@code @ObservesAsync}, on Quarkus's worker pool, off the sender's thread as
 * Spring's {@code @Async} listener is, inserting in a transaction of its own; remembered nowhere, so lost when the
 * process dies before it ran. The crash point is after its transaction committed, as on the Spring side.
 */
@ApplicationScoped
class PlainEffects {

    private final EffectWriter effects;

    PlainEffects(EffectWriter effects) {
        this.effects = effects;
    }

    void on(@ObservesAsync @Named(OrderEvents.PLACED) OrderPlaced event) {
        QuarkusTransaction.requiringNew().run(() -> write(event.orderId()));
        effects.haltIfCrashPoint(event.orderId());
    }

    private void write(long orderId) {
        try {
            effects.write(orderId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
