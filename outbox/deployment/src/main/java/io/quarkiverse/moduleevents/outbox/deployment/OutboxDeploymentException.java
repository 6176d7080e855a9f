package io.quarkiverse.moduleevents.outbox.deployment;

import jakarta.enterprise.inject.spi.DeploymentException;

/**
 * A setup the outbox cannot work with, which fails the build. Each subclass is one rule; the message names the
 * datasource, extension or durable receiver and the fix.
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

    /**
     * {@code @Durable} stands on a method that is not an observer method of a bean.
     */
    public static final class DurableNotObserverException extends OutboxDeploymentException {
        private static final long serialVersionUID = 1L;

        DurableNotObserverException(String message) {
            super(message);
        }
    }

    /**
     * A durable receiver observes with {@code @ObservesAsync}.
     */
    public static final class DurableAsyncObserverException extends OutboxDeploymentException {
        private static final long serialVersionUID = 1L;

        DurableAsyncObserverException(String message) {
            super(message);
        }
    }

    /**
     * A durable receiver observes in a transaction phase other than {@code IN_PROGRESS}.
     */
    public static final class DurableTransactionPhaseException extends OutboxDeploymentException {
        private static final long serialVersionUID = 1L;

        DurableTransactionPhaseException(String message) {
            super(message);
        }
    }

    /**
     * A durable receiver receives an event that declares no {@code @Payload}.
     */
    public static final class DurableWithoutPayloadException extends OutboxDeploymentException {
        private static final long serialVersionUID = 1L;

        DurableWithoutPayloadException(String message) {
            super(message);
        }
    }

    /**
     * A durable receiver shares its {@code class#method} name with another observer method of its class.
     */
    public static final class DurableNameTakenException extends OutboxDeploymentException {
        private static final long serialVersionUID = 1L;

        DurableNameTakenException(String message) {
            super(message);
        }
    }
}
