package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.messaging.spi.EventTraceContext;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxRows.ClaimStatements;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxRows.Lease;

/**
 * The statements on the receiver rows of the outbox table, the records of durable receivers, of this
 * {@link OutboxService service}: their insert, their claim and their deletion once delivered. Their lease, failed
 * attempts and release are {@link OutboxRows}'s, as for broker rows. Each method runs in the caller's transaction.
 */
@Singleton
public class DurableRecordRows {

    private static final String INSERT = """
            INSERT INTO module_events_outbox (id, service, receiver, remote, event_name, module, source, subject,
                payload, created_at, status, attempts, next_attempt_at, traceparent, tracestate)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""";
    private static final String DELETE_DELIVERED = """
            DELETE FROM module_events_outbox WHERE id = ? AND lease_owner = ?""";

    private final Dialect dialect;
    private final String service;

    @Inject
    DurableRecordRows(OutboxDataSource dataSource, OutboxService service) {
        this.dialect = dataSource.dialect();
        this.service = service.name();
    }

    /**
     * Writes one row for each receiver of an event.
     *
     * @param data the payload as JSON
     * @param trace the sender's trace context, {@code null} when there is none
     */
    void insert(Connection connection, DurableEvent event, List<String> receivers, byte[] data,
            EventTraceContext trace) throws SQLException {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (String receiver : receivers) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, service);
                insert.setString(3, receiver);
                insert.setBoolean(4, event.remote());
                insert.setString(5, event.name());
                insert.setString(6, event.module());
                insert.setString(7, "/" + service + "/" + event.module());
                insert.setString(8, event.subject());
                insert.setBytes(9, data);
                insert.setObject(10, now);
                insert.setObject(11, now);
                OutboxRows.setTrace(insert, 12, trace);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * @param receivers the durable receivers of this application
     * @return the claim of this service's rows of those receivers; rows of other receivers are left to an instance
     *         that has them
     */
    ReceiverClaim claimOf(Set<String> receivers) {
        String condition = receivers.isEmpty() ? "1 = 0"
                : "o.receiver IN (" + String.join(", ", Collections.nCopies(receivers.size(), "?")) + ")";
        return new ReceiverClaim(new ClaimStatements(dialect.receiverClaimStatement(condition),
                dialect.receiverClaimAndLeaseStatement(condition)), List.copyOf(new TreeSet<>(receivers)));
    }

    /**
     * Claims rows due at {@code now} (see {@link Dialect#receiverClaimStatement(String)}) and leases them to
     * {@code lease}'s owner until its end, in the caller's transaction, which should commit at once.
     */
    List<DurableRecord> claim(Connection connection, ReceiverClaim claimed, Instant now, int limit, Lease lease)
            throws SQLException {
        List<DurableRecord> records = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(claimed.statements().sql())) {
            int parameter = claimed.statements().setLease(claim, lease);
            claim.setString(parameter++, service);
            claim.setObject(parameter++, OutboxRows.utc(now));
            claim.setObject(parameter++, OutboxRows.utc(now));
            for (String receiver : claimed.receivers()) {
                claim.setString(parameter++, receiver);
            }
            claim.setObject(parameter++, OutboxRows.utc(now));
            claim.setObject(parameter++, OutboxRows.utc(now));
            claim.setInt(parameter, limit);
            try (ResultSet result = claim.executeQuery()) {
                while (result.next()) {
                    records.add(new DurableRecord(result.getObject("id", UUID.class).toString(),
                            result.getString("receiver"),
                            new DurableEvent(result.getString("module"), result.getString("event_name"),
                                    result.getString("subject"), result.getBoolean("remote")),
                            result.getBytes("payload"), result.getInt("attempts"),
                            result.getObject("created_at", OffsetDateTime.class).toInstant(), OutboxRows.trace(result)));
                }
            }
        }
        claimed.statements().leaseUnlessClaimed(connection, records.stream().map(DurableRecord::id).toList(), lease);
        return records;
    }

    /**
     * Deletes a delivered row, while {@code owner} still holds its lease.
     *
     * @return whether the row was still leased to {@code owner}
     */
    boolean delivered(Connection connection, String id, String owner) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE_DELIVERED)) {
            delete.setObject(1, UUID.fromString(id));
            delete.setString(2, owner);
            return delete.executeUpdate() == 1;
        }
    }

    /**
     * An event as a durable receiver's record keeps it, without its payload.
     *
     * @param module the module that declares the event
     * @param name the event's name
     * @param subject the payload's {@code @EventSubject}, {@code null} when it has none
     * @param remote whether the event came from the broker, to be delivered with {@code @Remote}
     */
    record DurableEvent(String module, String name, String subject, boolean remote) {
    }

    /**
     * A receiver row claimed for delivery.
     *
     * @param id the row's id
     * @param receiver the durable receiver, as {@code class#method}
     * @param event the event
     * @param payload the payload as JSON
     * @param attempts how many deliveries of it failed before
     * @param createdAt when it was written, in the sender's transaction
     * @param trace the sender's trace context, {@code null} when it had none
     */
    record DurableRecord(String id, String receiver, DurableEvent event, byte[] payload, int attempts,
            Instant createdAt, EventTraceContext trace) {
    }

    /**
     * The statement that claims this service's rows of the application's durable receivers.
     *
     * @param statements the claim's statements
     * @param receivers the values of the parameters of its receiver condition
     */
    record ReceiverClaim(ClaimStatements statements, List<String> receivers) {
    }
}
