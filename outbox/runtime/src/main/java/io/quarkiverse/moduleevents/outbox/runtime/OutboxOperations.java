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
 * What {@link OutboxAdmin} does, with the store's failures turned into {@link IllegalStateException}s. Not for
 * applications.
 */
@Singleton
public class OutboxOperations {

    private final OutboxStore store;
    private final OutboxRelay relay;

    @Inject
    OutboxOperations(OutboxStore store, OutboxRelay relay) {
        this.store = store;
        this.relay = relay;
    }

    /**
     * @see OutboxAdmin#list(OutboxStatus, int)
     */
    public List<OutboxEntry> list(OutboxStatus status, int limit) {
        try {
            return store.list(status, limit);
        } catch (SQLException e) {
            throw failed("list the outbox's " + status + " rows", e);
        }
    }

    /**
     * @see OutboxAdmin#counts()
     */
    public OutboxCounts counts() {
        try {
            return store.counts();
        } catch (SQLException e) {
            throw failed("count the outbox's rows", e);
        }
    }

    /**
     * Resubmits one {@code DEAD} row, or all when {@code id} is {@code null}, and wakes the relay.
     *
     * @return how many rows were resubmitted
     */
    public int resubmit(UUID id) {
        int resubmitted;
        try {
            resubmitted = store.resubmit(id, Instant.now());
        } catch (SQLException e) {
            throw failed("resubmit " + (id == null ? "the outbox's DEAD rows" : "the outbox row " + id), e);
        }
        if (resubmitted > 0) {
            relay.wake();
        }
        return resubmitted;
    }

    private IllegalStateException failed(String what, SQLException e) {
        return new IllegalStateException("Cannot " + what + " in datasource '" + store.dataSourceName() + "': "
                + e.getMessage(), e);
    }
}
