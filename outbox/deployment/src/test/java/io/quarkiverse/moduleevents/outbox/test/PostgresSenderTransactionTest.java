package io.quarkiverse.moduleevents.outbox.test;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@link SenderTransactionContract} on PostgreSQL (see {@link SharedPostgres}).
 */
class PostgresSenderTransactionTest extends SenderTransactionContract {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(SenderTransactionContract.class,
                    SenderTransactionContract.Receivers.class, OrderEvents.class, Order.class, Db.class,
                    SharedPostgres.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", SharedPostgres.url("sender_transaction"))
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.password", "postgres")
            // rows stay once published, so that a test sees every row ever written
            .overrideConfigKey("quarkus.module-events.outbox.published-retention", "keep")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop")
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-in-memory");
}
