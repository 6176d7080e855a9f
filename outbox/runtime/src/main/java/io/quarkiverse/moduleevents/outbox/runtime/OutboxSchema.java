package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/**
 * Creates the outbox's tables, {@code module_events_outbox} and {@code module_events_inbox}, with their indexes, or
 * tells which of their tables and columns are missing.
 */
@Singleton
public class OutboxSchema {

    private static final String OUTBOX = "module_events_outbox";
    private static final String INBOX = "module_events_inbox";
    /** the columns each table must have, tables in the order they are checked */
    private static final Map<String, List<String>> COLUMNS = Map.of(
            OUTBOX,
            List.of("id", "service", "seq", "channel", "receiver", "remote", "event_name", "module", "source", "subject",
                    "payload",
                    "created_at", "status", "attempts", "next_attempt_at", "last_error", "published_at", "lease_owner",
                    "lease_until", "traceparent", "tracestate"),
            INBOX, List.of("service", "source", "id", "received_at"));
    private static final List<String> TABLES = List.of(OUTBOX, INBOX);
    /** the outbox's column that must take nulls: a receiver row has no channel */
    private static final String NULLABLE = "channel";
    /** the outbox's columns that earlier versions did not create, which the upgrade adds */
    private static final List<String> UPGRADED = List.of("receiver", "traceparent", "tracestate");

    private final OutboxDataSource dataSource;

    @Inject
    OutboxSchema(OutboxDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Creates the tables and indexes that do not exist yet, with the statements of the datasource's dialect, after
     * upgrading an outbox table written by an earlier version (before durable receivers or before trace contexts), and
     * gives the outbox table the dialect's options (PostgreSQL's {@code fillfactor}).
     * Instances that start at once on an empty database take turns (on PostgreSQL, whose
     * {@code CREATE TABLE IF NOT EXISTS} fails when another transaction creates the same table at the same time).
     */
    void create() throws SQLException {
        try (Connection connection = dataSource.connection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                for (String sql : dataSource.dialect().schemaLockStatements()) {
                    statement.execute(sql);
                }
                List<String> missing = missing(connection);
                if (UPGRADED.stream().anyMatch(column -> missing.contains("column " + OUTBOX + "." + column))) {
                    for (String sql : dataSource.dialect().upgradeStatements()) {
                        statement.execute(sql);
                    }
                }
                for (String sql : dataSource.dialect().createStatements()) {
                    statement.execute(sql);
                }
                for (String sql : dataSource.dialect().outboxTableOptionStatements()) {
                    statement.execute(sql);
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /**
     * Looks in the connection's current schema only, the one where the relay's and the inbox's unqualified statements
     * find their tables: a table of the same name in another schema does not count.
     *
     * @return every missing table ({@code table module_events_outbox}) and column
     *         ({@code column module_events_outbox.status}), and a {@code channel} column that takes no nulls, empty
     *         when none is
     */
    List<String> missing() throws SQLException {
        try (Connection connection = dataSource.connection()) {
            return missing(connection);
        }
    }

    private static List<String> missing(Connection connection) throws SQLException {
        List<String> missing = new ArrayList<>();
        DatabaseMetaData metaData = connection.getMetaData();
        String escape = metaData.getSearchStringEscape();
        String schema = connection.getSchema() == null ? null : pattern(connection.getSchema(), escape);
        for (String table : TABLES) {
            Map<String, Boolean> present = columns(metaData, connection.getCatalog(), schema, pattern(table, escape));
            if (present.isEmpty()) {
                missing.add("table " + table);
                continue;
            }
            for (String column : COLUMNS.get(table)) {
                if (!present.containsKey(column)) {
                    missing.add("column " + table + "." + column);
                }
            }
            if (table.equals(OUTBOX) && Boolean.FALSE.equals(present.get(NULLABLE))) {
                missing.add("nullability of column " + OUTBOX + "." + NULLABLE + " (receiver rows have none)");
            }
        }
        return missing;
    }

    /**
     * @return whether each column of the table may be null, by its name in lower case
     */
    private static Map<String, Boolean> columns(DatabaseMetaData metaData, String catalog, String schema,
            String table) throws SQLException {
        Map<String, Boolean> columns = new HashMap<>();
        // PostgreSQL folds unquoted names to lower case, H2 to upper case
        for (String name : List.of(table, table.toUpperCase(Locale.ROOT))) {
            try (ResultSet result = metaData.getColumns(catalog, schema, name, null)) {
                while (result.next()) {
                    columns.put(result.getString("COLUMN_NAME").toLowerCase(Locale.ROOT),
                            result.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls);
                }
            }
        }
        return columns;
    }

    /** a name as a metadata search pattern, in which {@code _} would match any character */
    private static String pattern(String name, String escape) {
        return escape == null ? name
                : name.replace(escape, escape + escape).replace("_", escape + "_")
                        .replace("%", escape + "%");
    }
}
