package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.moduleevents.messaging.spi.ChannelClosedException;
import io.quarkiverse.moduleevents.messaging.spi.EventTracing;
import io.quarkiverse.moduleevents.messaging.spi.EventTracing.TraceStep;
import io.quarkiverse.moduleevents.messaging.spi.OutgoingEvent;
import io.quarkiverse.moduleevents.messaging.spi.OutgoingEventSender;
import io.quarkiverse.moduleevents.outbox.OutboxCounts;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxRows.Claim;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxRows.ClaimedRow;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxRows.Lease;
import io.quarkiverse.moduleevents.outbox.runtime.OutboxRuntimeConfig.PublishedRetention;

/**
 * Sends committed outbox rows to the broker, on a thread of its own, never on an event loop. It wakes when a
 * transaction that wrote rows commits, and every {@code relay.poll-interval}. It claims only rows of its
 * {@link OutboxService service}, and of the channels and events this application routes: the rows of another service
 * sharing the database, and rows of an event that only another version of this service routes (during a rolling
 * deploy), are left to the instances that send them, never failed; such a row holds back the later rows of its
 * subject.
 * <p>
 * No transaction is open, and no row locked, while it waits for the broker. Each batch takes three steps:
 * <ol>
 * <li>a short transaction claims up to {@code relay.batch-size} rows that are due, in order of writing (with
 * {@code SELECT ... FOR UPDATE SKIP LOCKED}, so that two relays never claim one row), and leases them in one statement:
 * it writes a lease owner, unique to the claim, and the lease's end, {@code relay.send-timeout} plus
 * {@value #LEASE_MARGIN_SECONDS} seconds later. Other relays leave leased rows alone until the lease ends; the rows of a
 * relay that died are claimed again after that;</li>
 * <li>outside any transaction, it sends them, without waiting for one acknowledgement before the next send, and waits
 * up to {@code relay.send-timeout} for the broker;</li>
 * <li>another short transaction settles each row whose lease the claim still holds: it deletes (or marks
 * {@code PUBLISHED}) the acknowledged rows in one statement, records a failed attempt on the others
 * ({@code attempts + 1}, the error, and a next attempt after an exponential backoff with jitter, or {@code DEAD} after
 * {@code relay.max-attempts}), and ends the lease of rows that were not sent, in one statement. A row whose lease ended
 * and that another relay claimed is left to that relay: it may be sent twice, never lost.</li>
 * </ol>
 * While a batch awaits the broker, the relay claims and sends the next ones, up to {@value #BATCHES_IN_FLIGHT} batches
 * at once, and settles each once the broker has answered for all its rows (the oldest first). A claim never takes a row
 * whose subject has an earlier row in a batch in flight, as that row is leased; when a claim comes back short of a full
 * batch, the relay settles every batch in flight before it claims again. Once the broker failed a send, or left it
 * unanswered, the relay sends one batch at a time, each settled before the next is claimed, until the broker
 * acknowledged a whole batch again: a broker that is down is never handed more than one batch at once (the AMQP
 * connector tries to connect once for each message it holds, and may close the channel when the broker comes back).
 * <p>
 * Order: rows of one subject (the CloudEvents {@code subject}) are sent one after the other, each once the previous
 * was acknowledged; a row is not claimed while an earlier row of its subject is leased, waits for its next attempt,
 * or is of an event only another instance routes, so a failed row holds back the later rows of its subject until it
 * is published or {@code DEAD}, on every instance. Only two relays that claim at the very same moment may each take
 * rows of one subject; rows without a subject are never ordered.
 */
@Singleton
public class OutboxRelay extends BatchWorker {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** what a row held back by a failed earlier row of its subject completes with */
    private static final CompletionException HELD_BACK = new CompletionException("held back", null);
    /** how long a lease lasts beyond {@code relay.send-timeout}: time to settle the batch */
    static final long LEASE_MARGIN_SECONDS = 10;
    /**
     * How many sent batches may await the broker at once: the next batch is claimed and sent while the broker
     * acknowledges the previous ones, which are settled as their acknowledgements arrive.
     */
    static final int BATCHES_IN_FLIGHT = 4;

    private final OutboxDataSource dataSource;
    private final OutboxRows outboxRows;
    private final OutgoingEventSender sender;
    private final OutboxRuntimeConfig.Relay config;
    private final boolean keepPublished;
    private final Claim claim;
    private final DeliveryTimes deliveryTimes;
    private final EventTracing tracing;
    /** run first in each of the relay's transactions */
    private final List<String> transactionStatements;
    private final Clock clock = Clock.systemUTC();
    /** the batches sent and not settled yet, the oldest first; used by the relay's thread only */
    private final Deque<SentBatch> inFlight = new ArrayDeque<>();
    /**
     * Whether the broker acknowledged every row of the batch settled last: only then may batches overlap; used by the
     * relay's thread only.
     */
    private boolean brokerAcknowledging = true;

    @Inject
    OutboxRelay(OutboxDataSource dataSource, OutboxRows outboxRows, OutgoingEventSender sender,
            OutboxRuntimeConfig config, DeliveryTimes deliveryTimes, EventTracing tracing) {
        super(config.relay(), "module-events-outbox-relay", "Outbox relay");
        this.tracing = tracing;
        this.dataSource = dataSource;
        this.transactionStatements = dataSource.dialect().relayTransactionStatements();
        this.outboxRows = outboxRows;
        this.sender = sender;
        this.config = config.relay();
        this.keepPublished = config.publishedRetention() == PublishedRetention.KEEP;
        this.claim = outboxRows.claimOf(sender.routes());
        this.deliveryTimes = deliveryTimes;
    }

    /**
     * Claims and sends one batch, and settles the batches in flight that the broker has acknowledged, or all but the
     * last {@value #BATCHES_IN_FLIGHT} - 1 of them, or all of them while the broker is not acknowledging. A batch that
     * is not full is left in flight for {@link #finishBatches()}, as the worker then stops working through batches.
     *
     * @return how many rows were claimed
     */
    @Override
    int workBatch() {
        boolean othersInFlight = !inFlight.isEmpty();
        int claimed = claimAndSend();
        // a batch that is not full while others were in flight may have left behind the later rows of their subjects,
        // which their leases hold back: settle them all, then claim again
        while (claimed < config.batchSize() && othersInFlight) {
            if (settleAll()) {
                return 0;
            }
            othersInFlight = false;
            claimed = claimAndSend();
        }
        boolean channelClosed = false;
        while (claimed == config.batchSize() && !inFlight.isEmpty()
                && (inFlight.size() >= batchesInFlight() || inFlight.peek().acknowledged())) {
            channelClosed |= settleBatch(inFlight.poll());
        }
        // rows that wait for a closed channel are due again: claiming them again at once would spin
        return channelClosed ? 0 : claimed;
    }

    @Override
    void finishBatches() {
        settleAll();
    }

    /**
     * @return how many batches may await the broker at once: one while the broker is not acknowledging
     */
    private int batchesInFlight() {
        return brokerAcknowledging ? BATCHES_IN_FLIGHT : 1;
    }

    /**
     * @return how many rows were claimed and sent
     */
    private int claimAndSend() {
        Instant now = clock.instant();
        Lease lease = new Lease(UUID.randomUUID().toString(),
                now.plus(config.sendTimeout()).plusSeconds(LEASE_MARGIN_SECONDS));
        List<ClaimedRow> rows = inTransaction(
                connection -> outboxRows.claim(connection, claim, now, config.batchSize(), lease));
        if (!rows.isEmpty()) {
            inFlight.add(new SentBatch(rows, send(rows), lease.owner(),
                    System.nanoTime() + config.sendTimeout().toNanos()));
        }
        return rows.size();
    }

    /**
     * Settles every batch in flight, the oldest first.
     *
     * @return whether rows wait for a closed channel
     */
    private boolean settleAll() {
        boolean channelClosed = false;
        while (!inFlight.isEmpty()) {
            channelClosed |= settleBatch(inFlight.poll());
        }
        return channelClosed;
    }

    /**
     * Waits for the batch's sends until its send time-out, then settles its rows.
     *
     * @return whether rows wait for a closed channel
     */
    private boolean settleBatch(SentBatch batch) {
        awaitSends(batch);
        Settlement settlement = inTransaction(
                connection -> settle(connection, batch.rows(), batch.sends(), batch.leaseOwner()));
        brokerAcknowledging = settlement.count(Outcome.PUBLISHED) == batch.rows().size();
        logClosedChannels(settlement);
        logSettlement(settlement);
        return settlement.hasClosedChannels();
    }

    private <T> T inTransaction(ShortTransaction.Statements<T> statements) {
        if (transactionStatements.isEmpty()) {
            return ShortTransaction.call(dataSource, statements);
        }
        return ShortTransaction.call(dataSource, connection -> {
            try (Statement statement = connection.createStatement()) {
                for (String sql : transactionStatements) {
                    statement.execute(sql);
                }
            }
            return statements.run(connection);
        });
    }

    private List<CompletableFuture<Void>> send(List<ClaimedRow> rows) {
        List<CompletableFuture<Void>> sends = new ArrayList<>(rows.size());
        Map<String, CompletableFuture<Void>> lastOfSubject = new HashMap<>();
        for (ClaimedRow row : rows) {
            OutgoingEvent event = row.event();
            CompletableFuture<Void> previous = event.subject() == null ? null : lastOfSubject.get(event.subject());
            CompletableFuture<Void> sent = previous == null ? send(row)
                    : previous.handle((ignored, failure) -> failure == null ? send(row)
                            : CompletableFuture.<Void> failedFuture(HELD_BACK)).thenCompose(next -> next);
            if (event.subject() != null) {
                lastOfSubject.put(event.subject(), sent);
            }
            sends.add(sent);
        }
        return sends;
    }

    /**
     * Sends the row's event under the sender's trace context stored with it, in a span of its own, and times its
     * delivery once the broker acknowledged it.
     */
    private CompletableFuture<Void> send(ClaimedRow row) {
        CompletableFuture<Void> sent = sendTraced(row);
        sent.thenRun(() -> deliveryTimes.delivered(DeliveryTimes.Kind.CHANNEL, row.event().time().toInstant()));
        return sent;
    }

    private CompletableFuture<Void> sendTraced(ClaimedRow row) {
        if (row.trace() == null) {
            return sender.send(row.event()).toCompletableFuture();
        }
        try (EventTracing.Scope span = tracing.continueTrace("publish " + row.event().name(), TraceStep.PUBLISH,
                row.trace())) {
            return sender.send(row.event()).toCompletableFuture();
        }
    }

    /**
     * Settles each row whose lease {@code owner} still holds, the published ones together.
     */
    private Settlement settle(Connection connection, List<ClaimedRow> rows, List<CompletableFuture<Void>> sends,
            String owner) throws SQLException {
        Instant now = clock.instant();
        Settlement settlement = new Settlement();
        for (int i = 0; i < rows.size(); i++) {
            ClaimedRow row = rows.get(i);
            settlement.add(row.event(), settleRow(connection, row, failure(sends.get(i)), owner, now));
        }
        int published = outboxRows.published(connection, settlement.ids(Outcome.PUBLISHED), owner, now,
                keepPublished);
        int released = outboxRows.release(connection, settlement.unsent(), owner);
        settlement.leaseLost(settlement.count(Outcome.PUBLISHED) - published + settlement.unsent().size() - released);
        return settlement;
    }

    /**
     * Waits until the broker acknowledged every send of the batch, at most until {@code relay.send-timeout} after the
     * batch was sent.
     */
    private void awaitSends(SentBatch batch) {
        try {
            batch.allSends().get(Math.max(0, batch.sendDeadline() - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // each send's outcome says which rows failed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Records a failed attempt on a row whose send failed, unless it waits for a closed channel or was held back.
     *
     * @param failure {@code null} when the send was acknowledged
     * @return what became of the row
     */
    private Outcome settleRow(Connection connection, ClaimedRow row, Throwable failure, String owner, Instant now)
            throws SQLException {
        if (failure == null) {
            return Outcome.PUBLISHED;
        } else if (notSentForAClosedChannel(row.event(), failure)) {
            return Outcome.WAITING_FOR_CHANNEL;
        } else if (failure == HELD_BACK) {
            return Outcome.HELD_BACK;
        }
        int attempts = row.attempts() + 1;
        boolean dead = attempts >= config.maxAttempts();
        if (!outboxRows.failed(connection, row.event().id(), owner, attempts,
                dead ? null : now.plus(RetryBackoff.after(config, attempts)), String.valueOf(failure))) {
            return Outcome.LEASE_LOST;
        }
        logFailure(row.event(), attempts, dead, failure);
        return dead ? Outcome.DEAD : Outcome.RETRY;
    }

    private void logClosedChannels(Settlement settlement) {
        if (settlement.hasClosedChannels()) {
            LOG.errorf("Outbox relay: the connector has closed the outgoing channel %s, so %d rows wait, their attempts"
                    + " not counted, until the application restarts; the channel's log says why (with AMQP: a"
                    + " message the broker refused), and the application's liveness check reports it",
                    String.join(", ", settlement.closedChannels()), settlement.count(Outcome.WAITING_FOR_CHANNEL));
        }
    }

    private void logSettlement(Settlement settlement) {
        if (settlement.leaseLost() > 0) {
            LOG.warnf("Outbox relay: the lease of %d rows ended before they were settled, and another relay claimed"
                    + " them, which sends them again; the broker and the database took longer than"
                    + " quarkus.module-events.outbox.relay.send-timeout plus %d seconds", settlement.leaseLost(),
                    LEASE_MARGIN_SECONDS);
        }
        int failed = settlement.count(Outcome.RETRY) + settlement.count(Outcome.DEAD);
        if (failed > 0) {
            LOG.warnf("Outbox relay: %d published, %d failed (%d of them now DEAD), %d held back; the outbox holds"
                    + " %s", settlement.count(Outcome.PUBLISHED), failed, settlement.count(Outcome.DEAD),
                    settlement.count(Outcome.HELD_BACK), describeCounts());
        } else {
            LOG.debugf("Outbox relay: %d published", settlement.count(Outcome.PUBLISHED));
        }
    }

    private String describeCounts() {
        try {
            OutboxCounts counts = outboxRows.counts();
            return counts.pending() + " pending rows (" + counts.failing() + " of them failing) and " + counts.dead()
                    + " DEAD rows";
        } catch (SQLException e) {
            return "an unknown number of rows (" + e.getMessage() + ")";
        }
    }

    /**
     * A send refused because the channel is closed, or not acknowledged while it closed, is not the event's failure:
     * the broker never refused it, so it does not count as an attempt. A rejection that closed the channel does.
     */
    private boolean notSentForAClosedChannel(OutgoingEvent event, Throwable failure) {
        return failure instanceof ChannelClosedException
                || failure instanceof TimeoutException && sender.isClosed(event.channel());
    }

    /**
     * @return {@code null} when the send was acknowledged, else why it failed, a time-out when it is still pending
     */
    private Throwable failure(CompletableFuture<Void> outcome) {
        if (!outcome.isDone()) {
            outcome.cancel(false);
            return new TimeoutException("the broker did not acknowledge it within " + config.sendTimeout()
                    + " (quarkus.module-events.outbox.relay.send-timeout)");
        }
        try {
            outcome.join();
            return null;
        } catch (CompletionException e) {
            return e == HELD_BACK || e.getCause() == null ? e : e.getCause();
        } catch (RuntimeException e) {
            return e;
        }
    }

    private void logFailure(OutgoingEvent event, int attempts, boolean isDead, Throwable failure) {
        if (isDead) {
            LOG.errorf("Outbox row is DEAD after %d failed attempts: %s [id: %s, event: %s, channel: %s]; resubmit"
                    + " it with OutboxAdmin once the cause is fixed", attempts, failure, event.id(), event.name(),
                    event.channel());
        } else {
            LOG.warnf("Outbox row not published, attempt %d of %d: %s [id: %s, event: %s, channel: %s]", attempts,
                    config.maxAttempts(), failure, event.id(), event.name(), event.channel());
        }
    }

    /**
     * A claimed batch whose rows were handed to the broker, and not settled yet.
     *
     * @param sends each row's send, in the order of the rows
     * @param leaseOwner the owner of the batch's lease
     * @param sendDeadline when the batch's {@code relay.send-timeout} ends, in {@link System#nanoTime()}
     */
    private record SentBatch(List<ClaimedRow> rows, List<CompletableFuture<Void>> sends, String leaseOwner,
            long sendDeadline) {

        CompletableFuture<Void> allSends() {
            return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        }

        /**
         * @return whether the broker has answered every send
         */
        boolean acknowledged() {
            return sends.stream().allMatch(CompletableFuture::isDone);
        }
    }

    /**
     * What became of a claimed row.
     */
    private enum Outcome {
        /** acknowledged by the broker */
        PUBLISHED,
        /** not sent, or not acknowledged, because its channel's connector has closed the channel: no attempt */
        WAITING_FOR_CHANNEL,
        /** not sent because an earlier row of its subject failed: no attempt */
        HELD_BACK,
        /** a failed attempt, with a next one after the backoff */
        RETRY,
        /** a failed attempt, the last of {@code relay.max-attempts} */
        DEAD,
        /** a failed attempt not recorded: the row's lease ended and another relay claimed it */
        LEASE_LOST
    }

    /**
     * The outcomes of a batch's rows.
     */
    private static final class Settlement {

        private final Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
        private final Map<Outcome, List<String>> ids = new EnumMap<>(Outcome.class);
        private final Set<String> closedChannels = new TreeSet<>();
        private int leaseLost;

        void add(OutgoingEvent event, Outcome outcome) {
            counts.merge(outcome, 1, Integer::sum);
            ids.computeIfAbsent(outcome, ignored -> new ArrayList<>()).add(event.id());
            if (outcome == Outcome.WAITING_FOR_CHANNEL) {
                closedChannels.add(event.channel());
            }
        }

        int count(Outcome outcome) {
            return counts.getOrDefault(outcome, 0);
        }

        /**
         * @return the ids of the rows with that outcome
         */
        List<String> ids(Outcome outcome) {
            return ids.getOrDefault(outcome, List.of());
        }

        /**
         * @return the ids of the rows whose attempt does not count: held back, or waiting for a closed channel
         */
        List<String> unsent() {
            List<String> unsent = new ArrayList<>(ids(Outcome.HELD_BACK));
            unsent.addAll(ids(Outcome.WAITING_FOR_CHANNEL));
            return unsent;
        }

        /**
         * Adds rows whose lease ended before they were settled.
         */
        void leaseLost(int rows) {
            leaseLost += rows;
        }

        /**
         * @return how many rows' leases ended before they were settled
         */
        int leaseLost() {
            return leaseLost + count(Outcome.LEASE_LOST);
        }

        /**
         * @return the closed channels that rows wait for, sorted
         */
        Set<String> closedChannels() {
            return closedChannels;
        }

        boolean hasClosedChannels() {
            return !closedChannels.isEmpty();
        }
    }
}
