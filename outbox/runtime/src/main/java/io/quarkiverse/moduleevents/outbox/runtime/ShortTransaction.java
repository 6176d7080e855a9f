package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.Connection;
import java.sql.SQLException;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Runs the statements of a claim or a settlement in a short transaction of their own.
 */
final class ShortTransaction {

    /** time for the statements */
    private static final int STATEMENT_SECONDS = 30;

    private ShortTransaction() {
    }

    static <T> T call(OutboxDataSource dataSource, Statements<T> statements) {
        return QuarkusTransaction.requiringNew().timeout(STATEMENT_SECONDS).call(() -> {
            try (Connection connection = dataSource.connection()) {
                return statements.run(connection);
            }
        });
    }

    /**
     * Statements run in a transaction of their own.
     */
    @FunctionalInterface
    interface Statements<T> {
        T run(Connection connection) throws SQLException;
    }
}
