package io.quarkiverse.moduleevents.outbox.test;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@link DurableReceiverContract} on PostgreSQL (see {@link SharedPostgres}).
 */
class PostgresDurableReceiverTest extends DurableReceiverContract {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(DurableReceiverContract.class, DurableParcelReceivers.class,
                    ParcelEvents.class, Parcel.class, Db.class, SharedPostgres.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", SharedPostgres.url("durable_receivers"))
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.password", "postgres")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
            .overrideConfigKey("quarkus.module-events.outbox.relay.max-attempts", "3")
            .overrideConfigKey("quarkus.module-events.outbox.relay.initial-backoff", "100ms")
            .overrideConfigKey("quarkus.module-events.outbox.relay.max-backoff", "200ms")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop");
}
