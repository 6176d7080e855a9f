package io.quarkiverse.moduleevents.outbox.test;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@link OutboxRetryContract} on H2.
 */
class H2OutboxRetryTest extends OutboxRetryContract {

    @RegisterExtension
    static final QuarkusUnitTest config = retryingApplication()
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:outbox-retry;DB_CLOSE_DELAY=-1");
}
