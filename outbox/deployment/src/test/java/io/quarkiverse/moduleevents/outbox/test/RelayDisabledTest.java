package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.outbox.OutboxAdmin;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code relay.enabled=false} the instance writes its rows in the senders' transactions and never starts the
 * relay, so they stay {@code PENDING} for another instance to publish.
 */
class RelayDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Db.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:relay-disabled;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.module-events.outbox.relay.enabled", "false")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop")
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-in-memory");

    @Inject
    OrderEvents orders;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    OutboxAdmin admin;

    @Test
    void writesTheRowAndRunsNoRelay() {
        QuarkusTransaction.requiringNew().run(() -> orders.send(OrderEvents.ORDER_PLACED, new Order("d-1", 10)));

        assertEquals(List.of("PENDING"),
                Db.strings(dataSource, "SELECT status FROM module_events_outbox WHERE subject = 'd-1'"));
        assertEquals(1, admin.counts().pending());
        assertEquals(List.of(), Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("module-events-outbox-relay")).toList(),
                "no relay thread runs to publish the row");
    }
}
