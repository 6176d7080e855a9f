package io.quarkiverse.moduleevents.outbox.runtime;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;

import javax.transaction.xa.XAException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TemporaryFailuresTest {

    @ParameterizedTest
    @ValueSource(strings = { "08001", "08006", "08003", "40001", "40P01", "55P03", "57P01", "57P02", "57P03", "HYT00" })
    void aDatabaseFailureWithATemporarySqlStateIsTemporary(String state) {
        SQLException failure = new SQLException("failed", state);

        assertSame(failure, TemporaryFailures.temporaryCause(failure));
    }

    @ParameterizedTest
    @ValueSource(strings = { "23505", "42P01", "22001", "57014", "XX000" })
    void aDatabaseFailureWithAnotherSqlStateIsNot(String state) {
        assertNull(TemporaryFailures.temporaryCause(new SQLException("failed", state)));
    }

    @Test
    void theTransientAndRecoverableKindsAreTemporaryWhateverTheirState() {
        for (SQLException failure : new SQLException[] { new SQLTransientConnectionException("down"),
                new SQLTimeoutException("slow"), new SQLTransactionRollbackException("deadlock"),
                new SQLRecoverableException("reconnect") }) {
            assertSame(failure, TemporaryFailures.temporaryCause(failure), failure::toString);
        }
    }

    @Test
    void thePermanentKindsAreNot() {
        assertNull(TemporaryFailures.temporaryCause(new SQLIntegrityConstraintViolationException("duplicate")));
        assertNull(TemporaryFailures.temporaryCause(new SQLSyntaxErrorException("typo")));
        assertNull(TemporaryFailures.temporaryCause(new SQLNonTransientConnectionException("bad password", "28P01")));
    }

    @Test
    void agroalsAcquisitionTimeoutsWithoutSqlStateAreTemporary() {
        assertSame(SQLException.class, TemporaryFailures.temporaryCause(
                new SQLException("Sorry, acquisition timeout!")).getClass());
        SQLException waiting = new SQLException("Acquisition timeout while waiting for new connection",
                new java.util.concurrent.TimeoutException());
        assertSame(waiting, TemporaryFailures.temporaryCause(waiting));
    }

    @Test
    void aTemporaryCauseDeepInTheChainIsFound() {
        SQLException down = new SQLException("Connection refused", "08001");
        RuntimeException failure = new IllegalStateException("the transaction failed",
                new RuntimeException("a receiver failed", down));

        assertSame(down, TemporaryFailures.temporaryCause(failure));
    }

    @Test
    void aTemporaryFailureAmongTheSuppressedExceptionsIsFound() {
        // the shape of Narayana's failed commit: a RollbackException without cause, the XAResource's failure suppressed
        SQLException ended = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        RuntimeException rollback = new RuntimeException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new XAException("Error trying to transactionCommit local transaction"));
        rollback.getSuppressed()[0].initCause(ended);
        RuntimeException failure = new IllegalStateException("the transaction failed", rollback);

        assertSame(ended, TemporaryFailures.temporaryCause(failure));
    }

    @Test
    void aCycleOfCausesAndSuppressedExceptionsEnds() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.addSuppressed(second);

        assertNull(TemporaryFailures.temporaryCause(second));
    }

    @Test
    void aFailureWithoutDatabaseCauseIsNot() {
        assertNull(TemporaryFailures.temporaryCause(new IllegalStateException("the warehouse is closed")));
        assertNull(TemporaryFailures.temporaryCause(new IllegalStateException("no",
                new SQLException("Sorry, no permission"))));
    }
}
