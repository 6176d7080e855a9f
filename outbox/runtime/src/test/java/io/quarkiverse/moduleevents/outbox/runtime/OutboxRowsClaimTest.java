package io.quarkiverse.moduleevents.outbox.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkiverse.moduleevents.outbox.runtime.OutboxRows.Claim;

class OutboxRowsClaimTest {

    private final OutboxRows rows = new OutboxRows(new OutboxDataSource("<default>", Dialect.POSTGRESQL),
            new OutboxService());

    @Test
    void theClaimSelectsEachRoutedEventOfEachChannel() {
        Claim claim = rows.claimOf(Map.of("orders", Set.of("order:placed", "order:cancelled"), "users",
                Set.of("user:created")));
        assertTrue(claim.statements().claim().contains(" AND (o.channel = ? AND o.event_name IN (?, ?) OR o.channel = ? AND"
                + " o.event_name IN (?)) AND "), claim.statements().claim());
        assertTrue(claim.statements().claim().contains(" OR NOT (p.channel = ? AND p.event_name IN (?, ?) OR p.channel = ? AND"
                + " p.event_name IN (?)))"), claim.statements().claim());
        assertEquals(List.of("orders", "order:cancelled", "order:placed", "users", "user:created"),
                claim.routeParameters());
    }

    @Test
    void withoutRoutesTheClaimSelectsNothing() {
        Claim claim = rows.claimOf(Map.of());
        assertTrue(claim.statements().claim().contains(" AND (1 = 0) AND "), claim.statements().claim());
        assertEquals(List.of(), claim.routeParameters());
    }
}
