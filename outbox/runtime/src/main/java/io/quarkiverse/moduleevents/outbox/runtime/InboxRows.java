package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * The statements on the inbox table, {@code module_events_inbox}, each in the caller's transaction and scoped to this
 * {@link OutboxService service}: recording an incoming event's ({@code source}, {@code id}), and deleting old rows.
 */
@Singleton
public class InboxRows {

    private static final String INSERT = """
            INSERT INTO module_events_inbox (service, source, id, received_at) VALUES (?, ?, ?, ?)""";
    /** 23505 is the SQL standard's unique violation, on PostgreSQL and H2 alike */
    private static final String UNIQUE_VIOLATION = "23505";

    private final String deleteStatement;
    private final String service;

    @Inject
    InboxRows(OutboxDataSource dataSource, OutboxService service) {
        this.deleteStatement = dataSource.dialect().inboxCleanupStatement();
        this.service = service.name();
    }

    /**
     * @return whether the pair was recorded now for this service; {@code false} when it had been recorded before
     */
    boolean record(Connection connection, String source, String id, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setString(1, service);
            insert.setString(2, source);
            insert.setString(3, id);
            insert.setObject(4, utc(now));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return false;
            }
            throw e;
        }
    }

    /**
     * Deletes up to {@code limit} of this service's rows received before {@code cutoff}: see
     * {@link Dialect#inboxCleanupStatement()}.
     *
     * @return how many rows were deleted
     */
    int deleteReceivedBefore(Connection connection, Instant cutoff, int limit) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(deleteStatement)) {
            delete.setString(1, service);
            delete.setObject(2, utc(cutoff));
            delete.setInt(3, limit);
            return delete.executeUpdate();
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
