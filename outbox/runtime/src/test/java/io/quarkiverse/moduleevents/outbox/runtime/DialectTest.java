package io.quarkiverse.moduleevents.outbox.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class DialectTest {

    /** a route condition as {@link OutboxRows} writes it, for one channel and one event */
    private static final String ROUTES = "o.channel = ? AND o.event_name IN (?)";
    private static final String EARLIER_ROUTES = "p.channel = ? AND p.event_name IN (?)";
    /** a receiver condition as {@link DurableRecordRows} writes it, for two receivers */
    private static final String RECEIVERS = "o.receiver IN (?, ?)";

    @Test
    void theSupportedQuarkusDatabaseKindsHaveTheirDialect() {
        assertEquals(Dialect.POSTGRESQL, Dialect.of("postgresql"));
        assertEquals(Dialect.H2, Dialect.of("h2"));
    }

    @Test
    void everyDialectIsFoundByItsDatabaseKind() {
        for (Dialect dialect : Dialect.values()) {
            assertEquals(dialect, Dialect.of(dialect.name().toLowerCase(Locale.ROOT)));
        }
    }

    @Test
    void anUnsupportedDatabaseKindHasNoDialect() {
        assertNull(Dialect.of("mysql"));
        assertNull(Dialect.of("mssql"));
        assertNull(Dialect.of(""));
    }

    @Test
    void eachDialectStoresThePayloadInItsBinaryType() {
        assertTrue(outboxTable(Dialect.POSTGRESQL).contains("payload BYTEA NOT NULL"));
        assertTrue(outboxTable(Dialect.H2).contains("payload VARBINARY NOT NULL"));
    }

    @Test
    void onlyPostgresqlCommitsTheRelaysTransactionsWithoutWaitingForTheDisk() {
        assertEquals(List.of("SET LOCAL synchronous_commit TO OFF"), Dialect.POSTGRESQL.relayTransactionStatements());
        assertEquals(List.of(), Dialect.H2.relayTransactionStatements());
    }

    @Test
    void bothDialectsCreateTheSameTablesAndIndexesIdempotently() {
        for (Dialect dialect : Dialect.values()) {
            List<String> statements = dialect.createStatements();
            assertEquals(List.of("CREATE TABLE IF NOT EXISTS module_events_outbox",
                    "CREATE INDEX IF NOT EXISTS module_events_outbox_due",
                    "CREATE INDEX IF NOT EXISTS module_events_outbox_subject",
                    "CREATE INDEX IF NOT EXISTS module_events_outbox_receiver_subject",
                    "CREATE TABLE IF NOT EXISTS module_events_inbox",
                    "CREATE INDEX IF NOT EXISTS module_events_inbox_received"),
                    statements.stream().map(DialectTest::head).toList(), dialect.name());
        }
    }

    @Test
    void theStatementsDifferOnlyInTheBinaryTypeAndPostgresqlsFillfactor() {
        assertEquals(Dialect.POSTGRESQL.createStatements(), Dialect.H2.createStatements().stream()
                .map(statement -> statement.replace("VARBINARY", "BYTEA"))
                .map(statement -> statement.startsWith("CREATE TABLE IF NOT EXISTS module_events_outbox")
                        ? statement + " WITH (fillfactor = 50)"
                        : statement)
                .toList());
    }

    @Test
    void onPostgresqlAnOutboxTableWithoutTheFillfactorGetsIt() {
        assertEquals(List.of("DO $$BEGIN IF NOT COALESCE((SELECT reloptions FROM pg_class WHERE oid ="
                + " to_regclass('module_events_outbox')), '{}') @> ARRAY['fillfactor=50'] THEN ALTER TABLE"
                + " module_events_outbox SET (fillfactor = 50); END IF; END$$"),
                Dialect.POSTGRESQL.outboxTableOptionStatements());
        assertEquals(List.of(), Dialect.H2.outboxTableOptionStatements());
    }

    @Test
    void eachIndexIsCreatedAfterItsTable() {
        for (Dialect dialect : Dialect.values()) {
            List<String> statements = dialect.createStatements();
            for (int i = 0; i < statements.size(); i++) {
                String statement = statements.get(i);
                if (statement.startsWith("CREATE INDEX")) {
                    String table = statement.substring(statement.indexOf(" ON ") + 4, statement.indexOf(" ("));
                    int created = indexOfTable(statements, table);
                    assertTrue(created >= 0 && created < i, dialect + ": " + statement);
                }
            }
        }
    }

    @Test
    void eachStatementIsASingleStatement() {
        for (Dialect dialect : Dialect.values()) {
            for (String statement : dialect.createStatements()) {
                assertFalse(statement.contains(";"), statement);
            }
            assertFalse(dialect.claimStatement(ROUTES, EARLIER_ROUTES).contains(";"));
            String claimAndLease = dialect.claimAndLeaseStatement(ROUTES, EARLIER_ROUTES);
            assertFalse(claimAndLease != null && claimAndLease.contains(";"));
            assertFalse(dialect.receiverClaimStatement(RECEIVERS).contains(";"));
            String receiverClaimAndLease = dialect.receiverClaimAndLeaseStatement(RECEIVERS);
            assertFalse(receiverClaimAndLease != null && receiverClaimAndLease.contains(";"));
            for (String statement : dialect.upgradeStatements()) {
                assertFalse(statement.contains(";"), statement);
            }
            assertFalse(dialect.inboxCleanupStatement().contains(";"));
        }
    }

    @Test
    void eachDialectLimitsRowsItsOwnWayWithOneParameter() {
        assertEquals("LIMIT ?", Dialect.POSTGRESQL.limit());
        assertEquals("FETCH FIRST ? ROWS ONLY", Dialect.H2.limit());
        for (Dialect dialect : Dialect.values()) {
            assertEquals(1, parameters(dialect.limit()), dialect.name());
        }
    }

    @Test
    void theClaimTakesTheServiceNowTwiceTheRoutesNowTwiceTheRoutesAgainAndTheLimit() {
        for (Dialect dialect : Dialect.values()) {
            String claim = dialect.claimStatement(ROUTES, EARLIER_ROUTES);
            assertEquals(10, parameters(claim), dialect.name());
            assertTrue(claim.contains(" WHERE o.service = ? AND o.status = 'PENDING' AND o.next_attempt_at <= ? AND"
                    + " (o.lease_until IS NULL OR o.lease_until <= ?) AND (" + ROUTES + ") AND NOT EXISTS"),
                    dialect.name());
            assertTrue(claim.contains("(p.next_attempt_at > ? OR p.lease_until > ? OR NOT (" + EARLIER_ROUTES + "))"
                    + subqueryEnd(dialect)), dialect.name());
        }
    }

    @Test
    void theClaimTakesTheOldestDueRowsWithTheDialectsLimitAndSkipsLockedRows() {
        for (Dialect dialect : Dialect.values()) {
            assertTrue(dialect.claimStatement(ROUTES, EARLIER_ROUTES).endsWith(" ORDER BY o.seq " + dialect.limit()
                    + " FOR UPDATE SKIP LOCKED"), dialect.name());
        }
    }

    @Test
    void onPostgresqlTheClaimLeasesItsRowsInTheSameStatementAndReturnsThemInOrderOfWriting() {
        assertLeasesTheClaimedRowsAndReturns(Dialect.POSTGRESQL.claimStatement(ROUTES, EARLIER_ROUTES),
                Dialect.POSTGRESQL.claimAndLeaseStatement(ROUTES, EARLIER_ROUTES),
                "id, channel, event_name, module, source, subject, payload, created_at, attempts, traceparent,"
                        + " tracestate");
    }

    @Test
    void onH2TheClaimedRowsAreLeasedByASecondStatement() {
        assertNull(Dialect.H2.claimAndLeaseStatement(ROUTES, EARLIER_ROUTES));
    }

    @Test
    void theClaimHoldsBackARowBehindAnEarlierWaitingOrLeasedRowOfItsSubject() {
        for (Dialect dialect : Dialect.values()) {
            String claim = dialect.claimStatement(ROUTES, EARLIER_ROUTES);
            assertTrue(claim.contains("o.status = 'PENDING'"), dialect.name());
            assertTrue(claim.contains("NOT EXISTS (SELECT 1 FROM module_events_outbox p WHERE p.service = o.service"
                    + " AND p.subject = o.subject AND p.receiver IS NULL AND p.status = 'PENDING' AND p.seq < o.seq"),
                    dialect.name());
        }
    }

    @Test
    void theReceiverClaimTakesTheServiceNowTwiceTheReceiversNowTwiceAndTheLimit() {
        for (Dialect dialect : Dialect.values()) {
            String claim = dialect.receiverClaimStatement(RECEIVERS);
            assertEquals(8, parameters(claim), dialect.name());
            assertTrue(claim.contains(" WHERE o.service = ? AND o.status = 'PENDING' AND o.next_attempt_at <= ? AND"
                    + " (o.lease_until IS NULL OR o.lease_until <= ?) AND (" + RECEIVERS + ") AND NOT EXISTS"),
                    dialect.name());
            assertTrue(claim.endsWith(" ORDER BY o.seq " + dialect.limit() + " FOR UPDATE SKIP LOCKED"), dialect.name());
        }
    }

    @Test
    void theReceiverClaimHoldsBackARowBehindAnEarlierWaitingOrLeasedRowOfItsReceiverAndSubject() {
        for (Dialect dialect : Dialect.values()) {
            assertTrue(dialect.receiverClaimStatement(RECEIVERS).contains("NOT EXISTS (SELECT 1 FROM"
                    + " module_events_outbox p WHERE p.service = o.service AND p.receiver = o.receiver AND p.subject ="
                    + " o.subject AND p.status = 'PENDING' AND p.seq < o.seq AND (p.next_attempt_at > ? OR"
                    + " p.lease_until > ?)" + subqueryEnd(dialect)), dialect.name());
        }
    }

    @Test
    void onPostgresqlTheReceiverClaimLeasesItsRowsInTheSameStatementAndReturnsThemInOrderOfWriting() {
        assertLeasesTheClaimedRowsAndReturns(Dialect.POSTGRESQL.receiverClaimStatement(RECEIVERS),
                Dialect.POSTGRESQL.receiverClaimAndLeaseStatement(RECEIVERS),
                "id, receiver, event_name, module, subject, payload, remote, attempts, created_at, traceparent,"
                        + " tracestate");
    }

    @Test
    void onH2TheClaimedReceiverRowsAreLeasedByASecondStatement() {
        assertNull(Dialect.H2.receiverClaimAndLeaseStatement(RECEIVERS));
    }

    @Test
    void theUpgradeAddsTheReceiverAndTraceColumnsAndLetsTheChannelBeNull() {
        for (Dialect dialect : Dialect.values()) {
            assertEquals(List.of("ALTER TABLE module_events_outbox ADD COLUMN IF NOT EXISTS receiver VARCHAR(1024)",
                    "ALTER TABLE module_events_outbox ADD COLUMN IF NOT EXISTS remote BOOLEAN DEFAULT FALSE NOT NULL",
                    "ALTER TABLE module_events_outbox ALTER COLUMN channel DROP NOT NULL",
                    "ALTER TABLE module_events_outbox ADD COLUMN IF NOT EXISTS traceparent VARCHAR(55)",
                    "ALTER TABLE module_events_outbox ADD COLUMN IF NOT EXISTS tracestate VARCHAR(1024)"),
                    dialect.upgradeStatements(), dialect.name());
            assertTrue(outboxTable(dialect).contains("channel VARCHAR(255), receiver VARCHAR(1024), remote BOOLEAN"
                    + " DEFAULT FALSE NOT NULL, "), dialect.name());
            assertTrue(outboxTable(dialect).contains("lease_until TIMESTAMP WITH TIME ZONE, traceparent VARCHAR(55),"
                    + " tracestate VARCHAR(1024))"), dialect.name());
        }
    }

    @Test
    void theInboxCleanupTakesATimeAndANumberOfRows() {
        for (Dialect dialect : Dialect.values()) {
            String cleanup = dialect.inboxCleanupStatement();
            assertEquals(3, parameters(cleanup), dialect.name());
            assertTrue(cleanup.startsWith("DELETE FROM module_events_inbox WHERE "), dialect.name());
            assertTrue(cleanup.indexOf("service = ?") < cleanup.indexOf("received_at < ?"), dialect.name());
            assertTrue(cleanup.indexOf("received_at < ?") < cleanup.lastIndexOf(dialect.limit()), dialect.name());
        }
    }

    @Test
    void postgresqlCleansTheInboxUpByRowAddressesOldestFirst() {
        String cleanup = Dialect.POSTGRESQL.inboxCleanupStatement();
        assertTrue(cleanup.contains("ctid = ANY(ARRAY(SELECT ctid FROM module_events_inbox WHERE service = ? AND"
                + " received_at < ? ORDER BY received_at LIMIT ?))"), cleanup);
    }

    @Test
    void h2LimitsTheInboxDeleteItself() {
        assertEquals("DELETE FROM module_events_inbox WHERE service = ? AND received_at < ? FETCH FIRST ? ROWS ONLY",
                Dialect.H2.inboxCleanupStatement());
    }

    @Test
    void bothTablesAreScopedByService() {
        for (Dialect dialect : Dialect.values()) {
            List<String> statements = dialect.createStatements();
            assertTrue(outboxTable(dialect).contains("id UUID NOT NULL PRIMARY KEY, service VARCHAR(255) NOT NULL, "),
                    dialect.name());
            assertTrue(statements.get(1).endsWith(" ON module_events_outbox (service, status, next_attempt_at, seq)"));
            assertTrue(statements.get(2).endsWith(" ON module_events_outbox (service, subject, seq)"));
            assertTrue(statements.get(3).endsWith(" ON module_events_outbox (service, receiver, subject, seq)"));
            assertTrue(statements.get(4).contains("service VARCHAR(255) NOT NULL, ")
                    && statements.get(4).endsWith("PRIMARY KEY (service, source, id))"), dialect.name());
            assertTrue(statements.get(5).endsWith(" ON module_events_inbox (service, received_at)"));
        }
    }

    @Test
    void theOutboxTableHasTheLeaseColumns() {
        for (Dialect dialect : Dialect.values()) {
            assertTrue(outboxTable(dialect).contains("lease_owner VARCHAR(255), lease_until TIMESTAMP WITH TIME ZONE"),
                    dialect.name());
        }
    }

    /**
     * Asserts that {@code claimAndLease} leases the rows {@code claim} selects, with the lease's two parameters first,
     * and returns the {@code columns} the claim alone reads, in order of writing.
     */
    private static void assertLeasesTheClaimedRowsAndReturns(String claim, String claimAndLease, String columns) {
        assertTrue(claimAndLease.startsWith("WITH leased AS (UPDATE module_events_outbox SET lease_owner = ?,"
                + " lease_until = ? WHERE id = ANY(ARRAY(SELECT o.id FROM module_events_outbox o WHERE "), claimAndLease);
        String claimedRows = claim.substring(claim.indexOf(" FROM module_events_outbox o WHERE "));
        assertTrue(claimAndLease.contains(claimedRows + "))"), claimAndLease);
        assertEquals(parameters(claim) + 2, parameters(claimAndLease));
        assertTrue(claimAndLease.endsWith(") SELECT " + columns + " FROM leased ORDER BY seq"), claimAndLease);
        assertEquals("SELECT o." + columns.replace(", ", ", o.") + claimedRows, claim);
    }

    private static String outboxTable(Dialect dialect) {
        return dialect.createStatements().stream()
                .filter(statement -> statement.startsWith("CREATE TABLE IF NOT EXISTS module_events_outbox "))
                .findFirst().orElseThrow();
    }

    private static int indexOfTable(List<String> statements, String table) {
        for (int i = 0; i < statements.size(); i++) {
            if (statements.get(i).startsWith("CREATE TABLE IF NOT EXISTS " + table + " ")) {
                return i;
            }
        }
        return -1;
    }

    /** The first words of a statement, up to the name it creates. */
    private static String head(String statement) {
        String[] words = statement.split(" ");
        return String.join(" ", List.of(words).subList(0, 6));
    }

    private static long parameters(String sql) {
        return sql.chars().filter(c -> c == '?').count();
    }

    /**
     * On PostgreSQL the hold-back subquery ends with {@code OFFSET 0}, which keeps the planner from turning it into an
     * anti join that reads every pending row for every pending row when the table's statistics are those of an empty
     * table.
     */
    private static String subqueryEnd(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? " OFFSET 0)" : ")";
    }
}
