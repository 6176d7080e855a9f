package io.quarkiverse.moduleevents.outbox.runtime;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkiverse.moduleevents.messaging.spi.EventTracing;
import io.quarkiverse.moduleevents.messaging.spi.EventTracing.TraceStep;
import io.quarkiverse.moduleevents.outbox.runtime.DurableRecordRows.DurableRecord;
import io.quarkiverse.moduleevents.outbox.runtime.DurableRecordRows.ReceiverClaim;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxRows.Lease;
import io.quarkiverse.moduleevents.spi.DeclaredEventFiring;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Delivers the committed records of the durable receivers, on a thread of its own, apart from the relay's, so that a
 * slow receiver never holds back what goes to the broker (nor a slow broker the receivers). It wakes when a
 * transaction that wrote records commits, and every {@code relay.poll-interval}. It claims only records of its
 * {@link OutboxService service} and of the durable receivers this application has: the records of a receiver that only
 * another version of the service has stay {@code PENDING} for it.
 * <p>
 * Each batch: a short transaction claims up to {@code relay.batch-size} due records, in order of writing, with
 * {@code FOR UPDATE SKIP LOCKED}, and leases them as the relay leases its rows ({@code relay.send-timeout} plus
 * {@value OutboxRelay#LEASE_MARGIN_SECONDS} seconds). Then, one after the other, each record is delivered in a new
 * transaction that decodes its payload, notifies its receiver and deletes the record, only while the lease is still
 * its own: a record whose lease ended and that another instance claimed rolls back here, so its receiver's work
 * commits once. A receiver that throws rolls its transaction back; another short transaction then records the failed
 * attempt ({@code attempts + 1}, the error, a next attempt after the relay's backoff, or {@code DEAD} after
 * {@code relay.max-attempts}). Order: the records of one receiver and one subject are delivered in the order they
 * were written; a record is not claimed while an earlier one of its receiver and subject is leased or waits for its
 * next attempt, and a failed record holds back the later ones of the batch. Records without a subject are not ordered.
 * Records whose lease ended before their turn are released without an attempt.
 */
@Singleton
public class DurableDelivery extends BatchWorker {

    private static final Logger LOG = Logger.getLogger(DurableDelivery.class);
    private static final Annotation[] LOCAL = {};
    private static final Annotation[] REMOTE = { Remote.Literal.INSTANCE };

    private final OutboxDataSource dataSource;
    private final DurableRecordRows records;
    private final OutboxRows outboxRows;
    private final DurableReceiverSet receivers;
    private final DeclaredEventFiring firing;
    private final ObjectMapper objectMapper;
    private final OutboxRuntimeConfig.Relay config;
    private final ReceiverClaim claim;
    private final DeliveryTimes deliveryTimes;
    private final EventTracing tracing;
    private final Clock clock = Clock.systemUTC();

    @Inject
    DurableDelivery(OutboxDataSource dataSource, DurableRecordRows records, OutboxRows outboxRows,
            DurableReceiverSet receivers, DeclaredEventFiring firing, ObjectMapper objectMapper,
            OutboxRuntimeConfig config, DeliveryTimes deliveryTimes, EventTracing tracing) {
        super(config.relay(), "module-events-outbox-durable-delivery", "Durable receivers' delivery");
        this.tracing = tracing;
        this.dataSource = dataSource;
        this.records = records;
        this.outboxRows = outboxRows;
        this.receivers = receivers;
        this.firing = firing;
        this.objectMapper = objectMapper;
        this.config = config.relay();
        this.claim = records.claimOf(receivers.receivers());
        this.deliveryTimes = deliveryTimes;
    }

    /**
     * Starts delivering, unless the application has no durable receiver.
     */
    @Override
    synchronized void start() {
        if (!receivers.isEmpty()) {
            super.start();
        }
    }

    /**
     * Claims and delivers one batch.
     *
     * @return how many records were claimed
     */
    @Override
    int workBatch() {
        Instant now = clock.instant();
        Lease lease = new Lease(UUID.randomUUID().toString(),
                now.plus(config.sendTimeout()).plusSeconds(OutboxRelay.LEASE_MARGIN_SECONDS));
        List<DurableRecord> claimed = inTransaction(
                connection -> records.claim(connection, claim, now, config.batchSize(), lease));
        Set<String> failedSubjects = new HashSet<>();
        List<String> notDelivered = new ArrayList<>();
        for (DurableRecord record : claimed) {
            String subject = record.event().subject() == null ? null
                    : record.receiver() + "#" + record.event().subject();
            if (!running() || !clock.instant().isBefore(lease.until())
                    || subject != null && failedSubjects.contains(subject)) {
                notDelivered.add(record.id());
            } else if (!deliver(record, lease.owner()) && subject != null) {
                failedSubjects.add(subject);
            }
        }
        if (!notDelivered.isEmpty()) {
            inTransaction(connection -> outboxRows.release(connection, notDelivered, lease.owner()));
        }
        return claimed.size();
    }

    /**
     * @return whether the record was delivered
     */
    private boolean deliver(DurableRecord record, String owner) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                notifyReceiver(record);
                if (!delete(record, owner)) {
                    throw new LeaseLostException();
                }
            });
            deliveryTimes.delivered(DeliveryTimes.Kind.RECEIVER, record.createdAt());
            return true;
        } catch (LeaseLostException e) {
            LOG.warnf("A durable receiver's record was delivered after its lease ended and another instance claimed"
                    + " it, so this delivery rolled back [id: %s, receiver: %s]; the receiver took longer than"
                    + " quarkus.module-events.outbox.relay.send-timeout plus %d seconds", record.id(),
                    record.receiver(), OutboxRelay.LEASE_MARGIN_SECONDS);
            return false;
        } catch (RuntimeException | Error e) {
            // an Error too: a receiver's must not end the delivery's thread
            recordFailure(record, owner, e);
            return false;
        }
    }

    /**
     * Notifies the receiver inside a span whose parent is the sender's trace context stored with the record.
     */
    private void notifyReceiver(DurableRecord record) {
        try (EventTracing.Scope span = tracing.continueTrace("deliver " + record.event().name(), TraceStep.DELIVER,
                record.trace())) {
            firing.notifyReceiver(record.event().module(), record.event().name(), decode(record), record.receiver(),
                    record.event().remote() ? REMOTE : LOCAL);
        }
    }

    private Object decode(DurableRecord record) {
        Class<?> payloadType = firing.payloadType(record.event().module(), record.event().name());
        if (payloadType == null) {
            throw new IllegalStateException("The event " + record.event().name() + " declares no @Payload, so its"
                    + " record cannot be decoded");
        }
        try {
            return objectMapper.readValue(record.payload(), payloadType);
        } catch (IOException e) {
            throw new IllegalStateException("The record's payload cannot be decoded into " + payloadType.getName()
                    + ": " + e.getMessage(), e);
        }
    }

    private boolean delete(DurableRecord record, String owner) {
        try (Connection connection = dataSource.connection()) {
            return records.delivered(connection, record.id(), owner);
        } catch (SQLException e) {
            throw new IllegalStateException("The delivered record cannot be deleted from datasource '"
                    + dataSource.name() + "': " + e.getMessage(), e);
        }
    }

    private void recordFailure(DurableRecord record, String owner, Throwable failure) {
        int attempts = record.attempts() + 1;
        boolean dead = attempts >= config.maxAttempts();
        Instant nextAttempt = dead ? null : clock.instant().plus(RetryBackoff.after(config, attempts));
        boolean recorded = inTransaction(connection -> outboxRows.failed(connection, record.id(), owner, attempts,
                nextAttempt, String.valueOf(failure)));
        if (!recorded) {
            LOG.warnf(failure, "A durable receiver failed, and its record's lease ended meanwhile: another instance"
                    + " delivers it [id: %s, receiver: %s]", record.id(), record.receiver());
        } else if (dead) {
            LOG.errorf(failure, "A durable receiver's record is DEAD after %d failed deliveries [id: %s, event: %s,"
                    + " receiver: %s]; resubmit it with OutboxAdmin once the cause is fixed", attempts, record.id(),
                    record.event().name(), record.receiver());
        } else {
            LOG.warnf(failure, "A durable receiver failed, delivery %d of %d [id: %s, event: %s, receiver: %s]",
                    attempts, config.maxAttempts(), record.id(), record.event().name(), record.receiver());
        }
    }

    private <T> T inTransaction(ShortTransaction.Statements<T> statements) {
        return ShortTransaction.call(dataSource, statements);
    }

    /**
     * The record's lease ended and another instance claimed it: its delivery rolls back.
     */
    private static final class LeaseLostException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        LeaseLostException() {
            super("the record's lease is lost", null, false, false);
        }
    }
}
