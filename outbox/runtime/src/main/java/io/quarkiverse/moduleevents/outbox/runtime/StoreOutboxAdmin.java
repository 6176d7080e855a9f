package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.outbox.OutboxAdmin;
import io.quarkiverse.moduleevents.outbox.OutboxCounts;
import io.quarkiverse.moduleevents.outbox.OutboxEntry;
import io.quarkiverse.moduleevents.outbox.OutboxStatus;

/**
 * Answers {@link OutboxAdmin} from the outbox table, with its failures turned into {@link IllegalStateException}s,
 * and wakes the relay and the durable receivers' delivery after a resubmission.
 */
@Singleton
public class StoreOutboxAdmin implements OutboxAdmin {

    private final OutboxDataSource dataSource;
    private final OutboxRows outboxRows;
    private final OutboxRelay relay;
    private final DurableDelivery durableDelivery;

    @Inject
    StoreOutboxAdmin(OutboxDataSource dataSource, OutboxRows outboxRows, OutboxRelay relay,
            DurableDelivery durableDelivery) {
        this.dataSource = dataSource;
        this.outboxRows = outboxRows;
        this.relay = relay;
        this.durableDelivery = durableDelivery;
    }

    @Override
    public List<OutboxEntry> list(OutboxStatus status, int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("The limit must be positive, was " + limit);
        }
        try {
            return outboxRows.list(status, limit);
        } catch (SQLException e) {
            throw failed("list the outbox's " + status + " rows", e);
        }
    }

    @Override
    public OutboxCounts counts() {
        try {
            return outboxRows.counts();
        } catch (SQLException e) {
            throw failed("count the outbox's rows", e);
        }
    }

    @Override
    public boolean resubmit(UUID id) {
        return resubmit(id, "the outbox row " + id) == 1;
    }

    @Override
    public int resubmitDead() {
        return resubmit(null, "the outbox's DEAD rows");
    }

    /**
     * @param id the row to resubmit, {@code null} for every {@code DEAD} row
     */
    private int resubmit(UUID id, String what) {
        int resubmitted;
        try {
            resubmitted = outboxRows.resubmit(id, Instant.now());
        } catch (SQLException e) {
            throw failed("resubmit " + what, e);
        }
        if (resubmitted > 0) {
            relay.wake();
            durableDelivery.wake();
        }
        return resubmitted;
    }

    private IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("Cannot " + what + " in datasource '" + dataSource.name() + "': "
                + e.getMessage(), e);
    }
}
