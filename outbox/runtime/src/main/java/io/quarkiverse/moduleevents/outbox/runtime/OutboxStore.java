package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.messaging.spi.OutgoingEvent;
import io.quarkiverse.moduleevents.outbox.OutboxCounts;
import io.quarkiverse.moduleevents.outbox.OutboxEntry;
import io.quarkiverse.moduleevents.outbox.OutboxStatus;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;

/**
 * Every statement the outbox runs, on the datasource the build chose. A method that takes a {@link Connection} runs
 * in the caller's transaction; the others take a connection of their own, which joins the current JTA transaction
 * when there is one.
 */
public final class OutboxStore {

    static final String OUTBOX = "module_events_outbox";
    static final String INBOX = "module_events_inbox";
    static final Map<String, List<String>> COLUMNS = Map.of(
            OUTBOX, List.of("id", "seq", "channel", "event_name", "module", "source", "subject", "payload",
                    "created_at", "status", "attempts", "next_attempt_at", "last_error", "published_at"),
            INBOX, List.of("source", "id", "received_at"));
    private static final String ENTRY_COLUMNS = "id, seq, channel, event_name, module, source, subject, status,"
            + " attempts, created_at, next_attempt_at, last_error";
    private static final int MAX_ERROR_LENGTH = 4000;

    private final String dataSourceName;
    private final Dialect dialect;
    private volatile AgroalDataSource dataSource;

    OutboxStore(String dataSourceName, Dialect dialect) {
        this.dataSourceName = dataSourceName;
        this.dialect = dialect;
    }

    /**
     * @return the datasource's name, as in its configuration keys
     */
    String dataSourceName() {
        return dataSourceName;
    }

    Connection connection() throws SQLException {
        AgroalDataSource resolved = dataSource;
        if (resolved == null) {
            resolved = AgroalDataSourceUtil.dataSourceInstance(dataSourceName).get();
            dataSource = resolved;
        }
        return resolved.getConnection();
    }

    void createSchema() throws SQLException {
        try (Connection connection = connection(); Statement statement = connection.createStatement()) {
            for (String sql : dialect.createStatements()) {
                statement.execute(sql);
            }
        }
    }

    /**
     * @return every missing table ({@code table module_events_outbox}) and column
     *         ({@code column module_events_outbox.status}), empty when none is
     */
    List<String> missingSchema() throws SQLException {
        List<String> missing = new ArrayList<>();
        try (Connection connection = connection()) {
            DatabaseMetaData metaData = connection.getMetaData();
            for (String table : List.of(OUTBOX, INBOX)) {
                List<String> present = columns(metaData, table);
                if (present.isEmpty()) {
                    missing.add("table " + table);
                    continue;
                }
                for (String column : COLUMNS.get(table)) {
                    if (!present.contains(column)) {
                        missing.add("column " + table + "." + column);
                    }
                }
            }
        }
        return missing;
    }

    private static List<String> columns(DatabaseMetaData metaData, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        // PostgreSQL folds unquoted names to lower case, H2 to upper case
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet result = metaData.getColumns(null, null, name, null)) {
                while (result.next()) {
                    columns.add(result.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
        }
        return columns;
    }

    void insert(Connection connection, OutgoingEvent event) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + OUTBOX
                + " (id, channel, event_name, module, source, subject, payload, created_at, status, attempts,"
                + " next_attempt_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?)")) {
            insert.setObject(1, UUID.fromString(event.id()));
            insert.setString(2, event.channel());
            insert.setString(3, event.name());
            insert.setString(4, event.module());
            insert.setString(5, event.source());
            insert.setString(6, event.subject());
            insert.setBytes(7, event.data());
            insert.setObject(8, event.time());
            insert.setObject(9, event.time());
            insert.executeUpdate();
        }
    }

    /**
     * Claims rows due at {@code now} for the caller's transaction: see {@link Dialect#claimStatement()}.
     */
    List<ClaimedRow> claim(Connection connection, Instant now, int limit) throws SQLException {
        List<ClaimedRow> rows = new ArrayList<>();
        try (PreparedStatement claim = connection.prepareStatement(dialect.claimStatement())) {
            claim.setObject(1, utc(now));
            claim.setObject(2, utc(now));
            claim.setInt(3, limit);
            try (ResultSet result = claim.executeQuery()) {
                while (result.next()) {
                    OutgoingEvent event = new OutgoingEvent(result.getObject(1, UUID.class).toString(),
                            result.getString(2), result.getString(3), result.getString(4), result.getString(5),
                            result.getString(6), result.getObject(8, OffsetDateTime.class), result.getBytes(7));
                    rows.add(new ClaimedRow(event, result.getInt(9)));
                }
            }
        }
        return rows;
    }

    void published(Connection connection, List<String> ids, Instant now, boolean keep) throws SQLException {
        if (ids.isEmpty()) {
            return;
        }
        String sql = keep ? "UPDATE " + OUTBOX + " SET status = 'PUBLISHED', published_at = ? WHERE id = ?"
                : "DELETE FROM " + OUTBOX + " WHERE id = ?";
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (String id : ids) {
                int parameter = 1;
                if (keep) {
                    statement.setObject(parameter++, utc(now));
                }
                statement.setObject(parameter, UUID.fromString(id));
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Records a failed attempt: the row waits until {@code nextAttemptAt}, or becomes {@code DEAD} when
     * {@code nextAttemptAt} is {@code null}.
     */
    void failed(Connection connection, String id, int attempts, Instant nextAttemptAt, String error)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("UPDATE " + OUTBOX
                + " SET status = ?, attempts = ?, next_attempt_at = COALESCE(?, next_attempt_at), last_error = ?"
                + " WHERE id = ?")) {
            statement.setString(1, (nextAttemptAt == null ? OutboxStatus.DEAD : OutboxStatus.PENDING).name());
            statement.setInt(2, attempts);
            statement.setObject(3, nextAttemptAt == null ? null : utc(nextAttemptAt));
            statement.setString(4, error.length() > MAX_ERROR_LENGTH ? error.substring(0, MAX_ERROR_LENGTH) : error);
            statement.setObject(5, UUID.fromString(id));
            statement.executeUpdate();
        }
    }

    /**
     * @return whether the pair was recorded now; {@code false} when it had been recorded before
     */
    boolean recordIncoming(Connection connection, String source, String id, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO " + INBOX + " (source, id, received_at) VALUES (?, ?, ?)")) {
            insert.setString(1, source);
            insert.setString(2, id);
            insert.setObject(3, utc(now));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            // 23505 is the SQL standard's unique violation, on PostgreSQL and H2 alike
            if ("23505".equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Deletes up to {@code limit} inbox rows received before {@code cutoff}.
     *
     * @return how many rows were deleted
     */
    int deleteInboxRowsBefore(Connection connection, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(dialect.inboxCleanupStatement())) {
            delete.setObject(1, utc(cutoff));
            delete.setInt(2, limit);
            return delete.executeUpdate();
        }
    }

    List<OutboxEntry> list(OutboxStatus status, int limit) throws SQLException {
        List<OutboxEntry> entries = new ArrayList<>();
        try (Connection connection = connection();
                PreparedStatement select = connection.prepareStatement("SELECT " + ENTRY_COLUMNS + " FROM " + OUTBOX
                        + " WHERE status = ? ORDER BY seq " + dialect.limit())) {
            select.setString(1, status.name());
            select.setInt(2, limit);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    entries.add(new OutboxEntry(result.getObject(1, UUID.class), result.getLong(2),
                            result.getString(3), result.getString(4), result.getString(5), result.getString(6),
                            result.getString(7), OutboxStatus.valueOf(result.getString(8)), result.getInt(9),
                            result.getObject(10, OffsetDateTime.class).toInstant(),
                            result.getObject(11, OffsetDateTime.class).toInstant(), result.getString(12)));
                }
            }
        }
        return entries;
    }

    OutboxCounts counts() throws SQLException {
        Map<OutboxStatus, Long> byStatus = new EnumMap<>(OutboxStatus.class);
        long failing = 0;
        try (Connection connection = connection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT status, COUNT(*),"
                        + " SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END) FROM " + OUTBOX + " GROUP BY status")) {
            while (result.next()) {
                OutboxStatus status = OutboxStatus.valueOf(result.getString(1));
                byStatus.put(status, result.getLong(2));
                if (status == OutboxStatus.PENDING) {
                    failing = result.getLong(3);
                }
            }
        }
        return new OutboxCounts(byStatus.getOrDefault(OutboxStatus.PENDING, 0L), failing,
                byStatus.getOrDefault(OutboxStatus.PUBLISHED, 0L), byStatus.getOrDefault(OutboxStatus.DEAD, 0L));
    }

    /**
     * Makes {@code DEAD} rows {@code PENDING} again, with no attempts, due at {@code now}; all of them when
     * {@code id} is {@code null}.
     *
     * @return how many rows were resubmitted
     */
    int resubmit(UUID id, Instant now) throws SQLException {
        try (Connection connection = connection();
                PreparedStatement update = connection.prepareStatement("UPDATE " + OUTBOX
                        + " SET status = 'PENDING', attempts = 0, next_attempt_at = ? WHERE status = 'DEAD'"
                        + (id == null ? "" : " AND id = ?"))) {
            update.setObject(1, utc(now));
            if (id != null) {
                update.setObject(2, id);
            }
            return update.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /**
     * A row claimed by the relay.
     *
     * @param event the event, as it was written
     * @param attempts how many sends of it failed before
     */
    record ClaimedRow(OutgoingEvent event, int attempts) {
    }
}
