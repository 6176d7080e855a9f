package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

/**
 * Tells a failure that the same work may overcome when tried again a little later (the database unreachable or
 * restarting, a lock time-out, a deadlock, a serialization failure) from one that it would meet again. Only the
 * causes and the suppressed exceptions are read: an exception counts as temporary when one of them is such a database
 * failure. The suppressed ones matter: when a commit fails (the server ended the connection as it shut down), Narayana
 * throws a {@code RollbackException} without cause that carries the resource's {@code XAException}, and so the
 * database's failure, among its suppressed exceptions.
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
    /** exceptions read at most, causes and suppressed ones, against a cycle or a flood */
    private static final int MAX_READ = 50;

    private TemporaryFailures() {
    }

    /**
     * @return the first of the failure's causes and suppressed exceptions (itself included, depth first) that is a
     *         temporary database failure, {@code null} when none is
     */
    static SQLException temporaryCause(Throwable failure) {
        Deque<Throwable> toRead = new ArrayDeque<>();
        Set<Throwable> read = Collections.newSetFromMap(new IdentityHashMap<>());
        toRead.push(failure);
        while (!toRead.isEmpty() && read.size() < MAX_READ) {
            Throwable next = toRead.pop();
            if (!read.add(next)) {
                continue;
            }
            if (next instanceof SQLException sql && isTemporary(sql)) {
                return sql;
            }
            Throwable[] suppressed = next.getSuppressed();
            for (int i = suppressed.length - 1; i >= 0; i--) {
                toRead.push(suppressed[i]);
            }
            if (next.getCause() != null) {
                toRead.push(next.getCause());
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
