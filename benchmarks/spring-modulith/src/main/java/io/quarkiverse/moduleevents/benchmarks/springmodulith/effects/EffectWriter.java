package io.quarkiverse.moduleevents.benchmarks.springmodulith.effects;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The listeners' database work: one row in {@code effects} per order, in the listener's transaction. The table has
 * no unique constraint, so work done twice shows as two rows.
 * <p>
 * With {@code bench.crash-at-id} set, the process halts right after the transaction that wrote that order's effect
 * committed: the listener's work is durable, and Spring Modulith, which records the completion after the listener's
 * transaction has ended, has not recorded it yet.
 */
@Component
class EffectWriter {

    static final int KILLED = 137;

    private final JdbcClient jdbc;
    private final long crashAtId;

    EffectWriter(JdbcClient jdbc, @Value("${bench.crash-at-id:-1}") long crashAtId) {
        this.jdbc = jdbc;
        this.crashAtId = crashAtId;
    }

    void write(long orderId) {
        jdbc.sql("INSERT INTO effects (order_id) VALUES (?)").param(orderId).update();
        if (orderId == crashAtId) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    Runtime.getRuntime().halt(KILLED);
                }
            });
        }
    }
}
