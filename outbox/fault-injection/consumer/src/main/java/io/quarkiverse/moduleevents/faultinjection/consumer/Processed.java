package io.quarkiverse.moduleevents.faultinjection.consumer;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;

/**
 * The receiver: records each business id it processed in the table {@code processed}, with a counter per id, in a
 * transaction ({@code REQUIRED}: the inbox's, when the outbox's inbox runs the receivers, else its own).
 * <p>
 * Two faults are built in, switched on by the test through system properties: {@code fault-injection.poison-id}
 * makes the receiver throw for that id, and {@code fault-injection.block-after-commit-id} makes the thread stop, after
 * the transaction that recorded that id committed and before the bridge acknowledges the message, until the test
 * kills the process ({@code GET /processed} then shows the id as {@code blockedAfterCommit}).
 */
@ApplicationScoped
public class Processed {

    private static final Logger LOG = Logger.getLogger(Processed.class);

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final Optional<String> poisonId;
    private final Optional<String> blockAfterCommitId;
    private final AtomicReference<String> blockedAfterCommit = new AtomicReference<>();

    Processed(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions,
            @ConfigProperty(name = "fault-injection.poison-id") Optional<String> poisonId,
            @ConfigProperty(name = "fault-injection.block-after-commit-id") Optional<String> blockAfterCommitId) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.poisonId = poisonId;
        this.blockAfterCommitId = blockAfterCommitId;
    }

    void createSchema(@Observes StartupEvent start) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS processed (business_id VARCHAR(100) PRIMARY KEY,"
                    + " deliveries INT NOT NULL, first_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),"
                    + " last_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now())");
        }
    }

    void onPlaced(@Observes @Named(OrderEvents.PLACED) OrderPlaced order) throws SQLException {
        record(order.businessId());
    }

    @Transactional
    void record(String businessId) throws SQLException {
        if (poisonId.filter(businessId::equals).isPresent()) {
            throw new IllegalStateException("Poison order " + businessId + ": this receiver always fails for it");
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO processed (business_id,"
                        + " deliveries) VALUES (?, 1) ON CONFLICT (business_id) DO UPDATE"
                        + " SET deliveries = processed.deliveries + 1, last_at = now()")) {
            upsert.setString(1, businessId);
            upsert.executeUpdate();
        }
        if (blockAfterCommitId.filter(businessId::equals).isPresent()) {
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED && blockedAfterCommit.compareAndSet(null, businessId)) {
                        LOG.warnf("Committed %s; blocking before the acknowledgement until this process is killed",
                                businessId);
                        try {
                            Thread.sleep(Long.MAX_VALUE);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            });
        }
    }

    String blockedAfterCommit() {
        return blockedAfterCommit.get();
    }
}
