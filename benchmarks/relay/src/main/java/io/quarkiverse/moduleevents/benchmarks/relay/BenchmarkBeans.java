package io.quarkiverse.moduleevents.benchmarks.relay;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.messaging.BridgeCounters;
import io.quarkiverse.moduleevents.outbox.OutboxAdmin;
import io.quarkus.arc.Unremovable;

/**
 * What the benchmark uses of the application, handed to the JMH state: the state is created by JMH, not by CDI.
 */
@Singleton
@Unremovable
public class BenchmarkBeans {

    @Inject
    TransactionalOrderSender outboxSender;

    @Inject
    PlainConnectorSender plainSender;

    @Inject
    BridgeCounters counters;

    @Inject
    OutboxAdmin outboxAdmin;

    @Inject
    ParcelSender parcelSender;

    @Inject
    ParcelReceivers parcelReceivers;

    @Inject
    OrderTransactions orderTransactions;

    @Inject
    BacklogRows backlogRows;

    @Inject
    AgroalDataSource dataSource;
}
