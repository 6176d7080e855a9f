package io.quarkiverse.moduleevents.outbox.test;

import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@link DurableReceiverContract} on H2.
 */
class H2DurableReceiverTest extends DurableReceiverContract {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(DurableReceiverContract.class, DurableParcelReceivers.class,
                    ParcelEvents.class, Parcel.class, Db.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:durable-receivers;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "100ms")
            .overrideConfigKey("quarkus.module-events.outbox.relay.max-attempts", "3")
            .overrideConfigKey("quarkus.module-events.outbox.relay.initial-backoff", "100ms")
            .overrideConfigKey("quarkus.module-events.outbox.relay.max-backoff", "200ms")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop");
}
