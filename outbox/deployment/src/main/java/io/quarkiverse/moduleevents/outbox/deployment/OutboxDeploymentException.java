package io.quarkiverse.moduleevents.outbox.deployment;

import jakarta.enterprise.inject.spi.DeploymentException;

/**
 * A setup the outbox cannot work with, which fails the build. Each subclass is one rule; the message names the
 * datasource or extension and the fix.
 */
public abstract class OutboxDeploymentException extends DeploymentException {

    private static final long serialVersionUID = 1L;

    OutboxDeploymentException(String message) {
        super(message);
    }

    /**
     * The outbox's datasource is not configured.
     */
    public static final class NoDataSourceException extends OutboxDeploymentException {
        private static final long serialVersionUID = 1L;

        NoDataSourceException(String message) {
            super(message);
        }
    }

    /**
     * The outbox's datasource does not take part in JTA transactions.
     */
    public static final class TransactionsDisabledException extends OutboxDeploymentException {
        private static final long serialVersionUID = 1L;

        TransactionsDisabledException(String message) {
            super(message);
        }
    }

    /**
     * The outbox's datasource is of a database kind other than PostgreSQL and H2.
     */
    public static final class UnsupportedDatabaseException extends OutboxDeploymentException {
        private static final long serialVersionUID = 1L;

        UnsupportedDatabaseException(String message) {
            super(message);
        }
    }

    /**
     * The application has no JTA transaction manager.
     */
    public static final class JtaMissingException extends OutboxDeploymentException {
        private static final long serialVersionUID = 1L;

        JtaMissingException(String message) {
            super(message);
        }
    }
}
