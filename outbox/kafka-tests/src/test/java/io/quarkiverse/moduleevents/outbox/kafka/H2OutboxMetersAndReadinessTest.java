package io.quarkiverse.moduleevents.outbox.kafka;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@link OutboxMetersAndReadinessContract} on H2.
 */
class H2OutboxMetersAndReadinessTest extends OutboxMetersAndReadinessContract {

    @RegisterExtension
    static final QuarkusUnitTest config = application()
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:outbox-observed;DB_CLOSE_DELAY=-1");
}
