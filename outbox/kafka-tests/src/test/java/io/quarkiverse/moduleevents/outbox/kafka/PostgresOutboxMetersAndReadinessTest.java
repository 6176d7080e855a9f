package io.quarkiverse.moduleevents.outbox.kafka;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@link OutboxMetersAndReadinessContract} on PostgreSQL (test-support's {@code PostgresServer}, see
 * {@link SharedPostgres}).
 */
class PostgresOutboxMetersAndReadinessTest extends OutboxMetersAndReadinessContract {

    @RegisterExtension
    static final QuarkusUnitTest config = application(SharedPostgres.class)
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", SharedPostgres.jdbcUrl())
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.password", "postgres");
}
