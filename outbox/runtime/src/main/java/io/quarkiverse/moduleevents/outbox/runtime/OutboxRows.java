package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.messaging.spi.EventTraceContext;
import io.quarkiverse.moduleevents.messaging.spi.OutgoingEvent;
import io.quarkiverse.moduleevents.outbox.OutboxCounts;
import io.quarkiverse.moduleevents.outbox.OutboxEntry;
import io.quarkiverse.moduleevents.outbox.OutboxStatus;

/**
 * The statements on the outbox table, {@code module_events_outbox}, on the rows of this {@link OutboxService service}:
 * the writer's insert, the relay's claim, lease and settlement (the settlement statements serve the receiver rows too),
 * and the admin queries, which see both kinds of rows. A method that takes a
 * {@link Connection} runs in the caller's transaction; the others take a connection of their own, which joins the
 * current JTA transaction when there is one.
 */
@Singleton
public class OutboxRows {

    private static final String INSERT = """
            INSERT INTO module_events_outbox (id, service, channel, event_name, module, source, subject, payload,
                created_at, status, attempts, next_attempt_at, traceparent, tracestate)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)""";
    // each settles or leases a whole batch in one statement: the ids as one array parameter
    private static final String LEASE = """
            UPDATE module_events_outbox SET lease_owner = ?, lease_until = ? WHERE id = ANY(?)""";
    private static final String MARK_PUBLISHED = """
            UPDATE module_events_outbox SET status = 'PUBLISHED', published_at = ?, lease_owner = NULL,
                lease_until = NULL
            WHERE id = ANY(?) AND lease_owner = ?""";
    private static final String DELETE_PUBLISHED = """
            DELETE FROM module_events_outbox WHERE id = ANY(?) AND lease_owner = ?""";
    private static final String RECORD_FAILED_ATTEMPT = """
            UPDATE module_events_outbox
            SET status = ?, attempts = ?, next_attempt_at = COALESCE(?, next_attempt_at), last_error = ?,
                lease_owner = NULL, lease_until = NULL
            WHERE id = ? AND lease_owner = ?""";
    private static final String RELEASE = """
            UPDATE module_events_outbox SET lease_owner = NULL, lease_until = NULL
            WHERE id = ANY(?) AND lease_owner = ?""";
    /** with the dialect's limit clause in place of {@code %s} */
    private static final String LIST_BY_STATUS = """
            SELECT id, seq, channel, receiver, event_name, module, source, subject, status, attempts, created_at,
                next_attempt_at, last_error
            FROM module_events_outbox WHERE service = ? AND status = ? ORDER BY seq %s""";
    private static final String COUNT_BY_STATUS = """
            SELECT status, COUNT(*) AS total, SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END) AS failing,
                MIN(created_at) AS oldest
            FROM module_events_outbox WHERE service = ? GROUP BY status""";
    private static final String RESUBMIT_DEAD = """
            UPDATE module_events_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?
            WHERE service = ? AND status = 'DEAD'""";
    private static final String RESUBMIT_DEAD_ROW = """
            UPDATE module_events_outbox SET status = 'PENDING', attempts = 0, next_attempt_at = ?
            WHERE service = ? AND status = 'DEAD' AND id = ?""";
    private static final int MAX_ERROR_LENGTH = 4000;

    private final OutboxDataSource dataSource;
    private final String service;
    private final String listStatement;

    @Inject
    OutboxRows(OutboxDataSource dataSource, OutboxService service) {
        this.dataSource = dataSource;
        this.service = service.name();
        this.listStatement = LIST_BY_STATUS.formatted(dataSource.dialect().limit());
    }

    /**
     * @param trace the sender's trace context, {@code null} when there is none
     */
    void insert(Connection connection, OutgoingEvent event, EventTraceContext trace) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, UUID.fromString(event.id()));
            insert.setString(2, service);
            insert.setString(3, event.channel());
            insert.setString(4, event.name());
            insert.setString(5, event.module());
            insert.setString(6, event.source());
            insert.setString(7, event.subject());
            insert.setBytes(8, event.data());
            insert.setObject(9, event.time());
            insert.setObject(10, event.time());
            setTrace(insert, 11, trace);
            insert.executeUpdate();
        }
    }

    /**
     * @param routes the event names the application sends, by outgoing channel
     * @return the claim of this service's rows of those channels and events; rows of other events are left to an
     *         instance that routes them
     */
    Claim claimOf(Map<String, Set<String>> routes) {
        List<String> parameters = new ArrayList<>();
        new TreeMap<>(routes).forEach((channel, names) -> {
            parameters.add(channel);
            parameters.addAll(new TreeSet<>(names));
        });
        Dialect dialect = dataSource.dialect();
        String routed = routeCondition("o", routes);
        String earlierRouted = routeCondition("p", routes);
        return new Claim(new ClaimStatements(dialect.claimStatement(routed, earlierRouted),
                dialect.claimAndLeaseStatement(routed, earlierRouted)), List.copyOf(parameters));
    }

    /**
     * @return a condition on the channel and event name of the rows aliased {@code alias}: true for the routed events,
     *         with a parameter for each channel followed by one for each of its event names, in alphabetical order
     */
    private static String routeCondition(String alias, Map<String, Set<String>> routes) {
        StringJoiner condition = new StringJoiner(" OR ").setEmptyValue("1 = 0");
        new TreeMap<>(routes).forEach((channel, names) -> condition.add(alias + ".channel = ? AND " + alias
                + ".event_name IN (" + String.join(", ", Collections.nCopies(names.size(), "?")) + ")"));
        return condition.toString();
    }

    /**
     * Claims rows due at {@code now} (see {@link Dialect#claimStatement(String, String)}) and leases them to {@code lease}'s
     * owner until its end, in the caller's transaction, which should commit at once: the lease, not a lock, keeps
     * other relays off the rows while they are sent.
     */
    List<ClaimedRow> claim(Connection connection, Claim claimed, Instant now, int limit, Lease lease)
            throws SQLException {
        List<ClaimedRow> rows = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(claimed.statements().sql())) {
            int parameter = claimed.statements().setLease(claim, lease);
            claim.setString(parameter++, service);
            claim.setObject(parameter++, utc(now));
            claim.setObject(parameter++, utc(now));
            for (String route : claimed.routeParameters()) {
                claim.setString(parameter++, route);
            }
            claim.setObject(parameter++, utc(now));
            claim.setObject(parameter++, utc(now));
            for (String route : claimed.routeParameters()) {
                claim.setString(parameter++, route);
            }
            claim.setInt(parameter, limit);
            try (ResultSet result = claim.executeQuery()) {
                while (result.next()) {
                    rows.add(new ClaimedRow(event(result), result.getInt("attempts"), trace(result)));
                }
            }
        }
        claimed.statements().leaseUnlessClaimed(connection, rows.stream().map(row -> row.event().id()).toList(),
                lease);
        return rows;
    }

    /**
     * Leases claimed rows, broker or receiver rows, to {@code lease}'s owner until its end.
     */
    static void lease(Connection connection, List<String> ids, Lease lease) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement(LEASE)) {
            update.setString(1, lease.owner());
            update.setObject(2, utc(lease.until()));
            update.setArray(3, uuids(connection, ids));
            update.executeUpdate();
        }
    }

    /**
     * Sets the trace context's two parameters from {@code index} on; a {@code tracestate} longer than the column is
     * left out, as it is optional.
     */
    static void setTrace(PreparedStatement statement, int index, EventTraceContext trace) throws SQLException {
        boolean stored = trace != null && trace.traceparent().length() <= EventTraceContext.MAX_TRACEPARENT_LENGTH;
        statement.setString(index, stored ? trace.traceparent() : null);
        statement.setString(index + 1, stored && trace.tracestate() != null
                && trace.tracestate().length() <= EventTraceContext.MAX_TRACESTATE_LENGTH ? trace.tracestate() : null);
    }

    /**
     * @return the trace context stored with the row, {@code null} when it has none
     */
    static EventTraceContext trace(ResultSet result) throws SQLException {
        return EventTraceContext.of(result.getString("traceparent"), result.getString("tracestate"));
    }

    private static OutgoingEvent event(ResultSet result) throws SQLException {
        return new OutgoingEvent(result.getObject("id", UUID.class).toString(), result.getString("channel"),
                result.getString("event_name"), result.getString("module"), result.getString("source"),
                result.getString("subject"), result.getObject("created_at", OffsetDateTime.class),
                result.getBytes("payload"));
    }

    /**
     * Marks the rows {@code PUBLISHED} at {@code now} when {@code keep} is set, else deletes them; each only while
     * {@code owner} still holds its lease.
     *
     * @return how many rows were still leased to {@code owner}
     */
    int published(Connection connection, List<String> ids, String owner, Instant now, boolean keep)
            throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(keep ? MARK_PUBLISHED : DELETE_PUBLISHED)) {
            int parameter = 1;
            if (keep) {
                statement.setObject(parameter++, utc(now));
            }
            statement.setArray(parameter++, uuids(connection, ids));
            statement.setString(parameter, owner);
            return statement.executeUpdate();
        }
    }

    /**
     * Records a failed attempt, while {@code owner} still holds the row's lease: the row waits until
     * {@code nextAttemptAt}, or becomes {@code DEAD} when {@code nextAttemptAt} is {@code null}.
     *
     * @return whether the row was still leased to {@code owner}
     */
    boolean failed(Connection connection, String id, String owner, int attempts, Instant nextAttemptAt, String error)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RECORD_FAILED_ATTEMPT)) {
            statement.setString(1, (nextAttemptAt == null ? OutboxStatus.DEAD : OutboxStatus.PENDING).name());
            statement.setInt(2, attempts);
            statement.setObject(3, nextAttemptAt == null ? null : utc(nextAttemptAt));
            statement.setString(4, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
            statement.setObject(5, UUID.fromString(id));
            statement.setString(6, owner);
            return statement.executeUpdate() == 1;
        }
    }

    /**
     * Ends {@code owner}'s lease of rows that were not sent, or whose attempt does not count, so that they are due
     * again at once.
     *
     * @return how many rows were still leased to {@code owner}
     */
    int release(Connection connection, List<String> ids, String owner) throws SQLException {
        if (ids.isEmpty()) {
            return 0;
        }
        try (PreparedStatement statement = connection.prepareStatement(RELEASE)) {
            statement.setArray(1, uuids(connection, ids));
            statement.setString(2, owner);
            return statement.executeUpdate();
        }
    }

    /** the ids as an SQL array, for {@code id = ANY(?)} */
    private static Array uuids(Connection connection, List<String> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.stream().map(UUID::fromString).toArray());
    }

    /**
     * @return up to {@code limit} rows of a status, in order of writing
     */
    List<OutboxEntry> list(OutboxStatus status, int limit) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (Connection connection = dataSource.connection();
                PreparedStatement select = connection.prepareStatement(listStatement)) {
            select.setString(1, service);
            select.setString(2, status.name());
            select.setInt(3, limit);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    entries.add(entry(result));
                }
            }
        }
        return entries;
    }

    private static OutboxEntry entry(ResultSet result) throws SQLException {
        return new OutboxEntry(result.getObject("id", UUID.class), result.getLong("seq"),
                result.getString("channel"), result.getString("receiver"), result.getString("event_name"),
                result.getString("module"),
                result.getString("source"), result.getString("subject"),
                OutboxStatus.valueOf(result.getString("status")), result.getInt("attempts"),
                result.getObject("created_at", OffsetDateTime.class).toInstant(),
                result.getObject("next_attempt_at", OffsetDateTime.class).toInstant(),
                result.getString("last_error"));
    }

    OutboxCounts counts() throws SQLException {
        return snapshot().counts();
    }

    /**
     * @return the counts of this service's rows and the creation time of its oldest pending row, in one query
     */
    OutboxSnapshot snapshot() throws SQLException {
        Map<OutboxStatus, Long> byStatus = new EnumMap<>(OutboxStatus.class);
        long failing = 0;
        Instant oldestPending = null;
        try (Connection connection = dataSource.connection();
                PreparedStatement select = connection.prepareStatement(COUNT_BY_STATUS)) {
            select.setString(1, service);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    OutboxStatus status = OutboxStatus.valueOf(result.getString("status"));
                    byStatus.put(status, result.getLong("total"));
                    if (status == OutboxStatus.PENDING) {
                        failing = result.getLong("failing");
                        oldestPending = result.getObject("oldest", OffsetDateTime.class).toInstant();
                    }
                }
            }
        }
        return new OutboxSnapshot(new OutboxCounts(byStatus.getOrDefault(OutboxStatus.PENDING, 0L), failing,
                byStatus.getOrDefault(OutboxStatus.PUBLISHED, 0L), byStatus.getOrDefault(OutboxStatus.DEAD, 0L)),
                oldestPending);
    }

    /**
     * Makes {@code DEAD} rows {@code PENDING} again, with no attempts, due at {@code now}; all of them when
     * {@code id} is {@code null}.
     *
     * @return how many rows were resubmitted
     */
    int resubmit(UUID id, Instant now) throws SQLException {
        String sql = id == null ? RESUBMIT_DEAD : RESUBMIT_DEAD_ROW;
        try (Connection connection = dataSource.connection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            update.setObject(1, utc(now));
            update.setString(2, service);
            if (id != null) {
                update.setObject(3, id);
            }
            return update.executeUpdate();
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A row claimed by the relay.
     *
     * @param event the event, as it was written
     * @param attempts how many sends of it failed before
     * @param trace the sender's trace context, {@code null} when it had none
     */
    record ClaimedRow(OutgoingEvent event, int attempts, EventTraceContext trace) {
    }

    /**
     * The statements that claim this service's rows of the routed channels and events.
     *
     * @param statements the claim's statements
     * @param routeParameters the values of the parameters of each of its two route conditions: each channel followed
     *        by its event names
     */
    record Claim(ClaimStatements statements, List<String> routeParameters) {
    }

    /**
     * A claim of broker or receiver rows, alone and, where the database has it, with the lease of the claimed rows in
     * the same statement (one round trip instead of two).
     *
     * @param claim the claim alone
     * @param claimAndLease the claim that also leases the rows, its lease's owner and end as its first two parameters;
     *        {@code null} when the database has none
     */
    record ClaimStatements(String claim, String claimAndLease) {

        /**
         * @return the statement to run: the claim that also leases the rows where the database has it
         */
        String sql() {
            return claimAndLease != null ? claimAndLease : claim;
        }

        /**
         * Sets the lease's parameters of the claim that also leases the rows.
         *
         * @return the index of the claim's own first parameter
         */
        int setLease(PreparedStatement statement, Lease lease) throws SQLException {
            if (claimAndLease == null) {
                return 1;
            }
            statement.setString(1, lease.owner());
            statement.setObject(2, utc(lease.until()));
            return 3;
        }

        /**
         * Leases the claimed rows by a second statement when the claim did not lease them.
         */
        void leaseUnlessClaimed(Connection connection, List<String> ids, Lease lease) throws SQLException {
            if (claimAndLease == null) {
                lease(connection, ids, lease);
            }
        }
    }

    /**
     * A claim of rows, which keeps other relays off them until it ends.
     *
     * @param owner who claimed them, unique to the claim
     * @param until when the claim ends, after which another relay may claim the rows again
     */
    record Lease(String owner, Instant until) {
    }
}
