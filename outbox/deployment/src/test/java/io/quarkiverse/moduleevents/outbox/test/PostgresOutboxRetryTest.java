package io.quarkiverse.moduleevents.outbox.test;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@link OutboxRetryContract} on PostgreSQL (see {@link SharedPostgres}).
 */
class PostgresOutboxRetryTest extends OutboxRetryContract {

    @RegisterExtension
    static final QuarkusUnitTest config = retryingApplication(SharedPostgres.class)
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", SharedPostgres.url("outbox_retry"))
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.password", "postgres");
}
