package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure that the same work may overcome when tried again a little later (the database unreachable or
 * restarting, a lock time-out, a deadlock, a serialization failure) from one that it would meet again. Only the
 * causes are read: an exception counts as temporary when one of them is such a database failure.
 */
final class TemporaryFailures {

    /**
     * SQLStates of temporary failures besides the connection exceptions (class 08): serialization failure, deadlock
     * (PostgreSQL), lock not available (PostgreSQL's {@code lock_timeout}, {@code NOWAIT}), the server shutting down
     * or starting up (PostgreSQL's 57P01 to 57P03), and H2's lock time-out.
     */
    private static final Set<String> TEMPORARY_STATES = Set.of("40001", "40P01", "55P03", "57P01", "57P02", "57P03",
            "HYT00");
    /** Agroal's two messages when no connection could be had in {@code acquisition-timeout}; they carry no SQLState */
    private static final String ACQUISITION_TIMEOUT = "acquisition timeout";
    /** causes read at most, against a cycle */
    private static final int MAX_DEPTH = 20;

    private TemporaryFailures() {
    }

    /**
     * @return the first of the failure's causes (itself included) that is a temporary database failure, {@code null}
     *         when none is
     */
    static SQLException temporaryCause(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < MAX_DEPTH; depth++, cause = cause.getCause()) {
            if (cause instanceof SQLException sql && isTemporary(sql)) {
                return sql;
            }
        }
        return null;
    }

    private static boolean isTemporary(SQLException failure) {
        if (failure instanceof SQLTransientException || failure instanceof SQLRecoverableException) {
            return true;
        }
        String state = failure.getSQLState();
        if (state != null) {
            return state.startsWith("08") || TEMPORARY_STATES.contains(state);
        }
        String message = failure.getMessage();
        return message != null && message.toLowerCase(Locale.ROOT).contains(ACQUISITION_TIMEOUT);
    }
}
