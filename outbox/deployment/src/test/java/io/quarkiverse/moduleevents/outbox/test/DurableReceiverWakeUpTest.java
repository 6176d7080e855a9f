package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The commit that wrote a durable receiver's records wakes the delivery: with a poll interval of an hour, the records
 * are still delivered as soon as they are committed, from a transaction of the sender's and from a send without one.
 */
class DurableReceiverWakeUpTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(DurableParcelReceivers.class, ParcelEvents.class,
                    Parcel.class, Db.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:durable-wake-up;DB_CLOSE_DELAY=-1")
            .overrideConfigKey("quarkus.module-events.outbox.relay.poll-interval", "1H")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop");

    @Inject
    ParcelEvents parcels;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    DurableParcelReceivers receivers;

    @BeforeEach
    void setUp() {
        Db.execute(dataSource, "CREATE TABLE IF NOT EXISTS parcel_effects (parcel_id VARCHAR(255), step INTEGER)");
    }

    @Test
    void theCommitWakesTheDelivery() {
        QuarkusTransaction.requiringNew().run(() -> parcels.send(ParcelEvents.PARCEL_SHIPPED, new Parcel("w-1", 0)));

        Db.await("the receivers are called long before the next poll",
                () -> receivers.shippedSteps("w-1").size() == 1 && receivers.moduleNames("w-1").size() == 1);
        assertEquals(List.of(ParcelEvents.PARCEL_SHIPPED), receivers.moduleNames("w-1"));
    }

    @Test
    void aSendWithoutTransactionWakesTheDelivery() {
        parcels.send(ParcelEvents.PARCEL_SHIPPED, new Parcel("w-2", 0));

        Db.await("the receiver is called long before the next poll",
                () -> receivers.shippedSteps("w-2").size() == 1);
    }
}
