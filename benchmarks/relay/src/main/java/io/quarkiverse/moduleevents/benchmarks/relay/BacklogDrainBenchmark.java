package io.quarkiverse.moduleevents.benchmarks.relay;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.quarkiverse.moduleevents.messaging.BridgeCounters;
import io.quarkiverse.moduleevents.outbox.OutboxAdmin;

/**
 * The relay alone: the time to publish a backlog of {@value #BACKLOG} committed outbox rows to Kafka, against the
 * Kafka connector sending the same records, in the same JVM and the same run. Single shots: one invocation is one
 * drain; the score is the time per event.
 * <ul>
 * <li>{@code outboxRelay}: before each invocation, and not measured, {@link BacklogRows} commits all rows but the last
 * with plain JDBC, which does not wake the relay ({@code relay.poll-interval} is an hour). The invocation sends the
 * last event through the module's emitter in a transaction, whose commit wakes the relay, and returns once the broker
 * acknowledged all {@value #BACKLOG} events and the relay deleted their rows.</li>
 * <li>{@code plainConnector}: the same payloads, as the same records, straight to a SmallRye Kafka emitter configured
 * as the bridge configures its channels, all at once; returns once the broker acknowledged every one.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g",
        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager" })
public class BacklogDrainBenchmark {

    static final int BACKLOG = 100_000;
    private static final long WAIT_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long STUCK_AFTER_NANOS = TimeUnit.MINUTES.toNanos(5);

    /** {@code quarkus.module-events.outbox.relay.batch-size} */
    @Param("100")
    int relayBatchSize;

    /** PostgreSQL's {@code synchronous_commit}: {@code on} waits for the commit's WAL to reach the disk */
    @Param("on")
    String synchronousCommit;

    private BenchmarkApplication application;
    private TransactionalOrderSender outboxSender;
    private PlainConnectorSender plainSender;
    private BacklogRows backlogRows;
    private BridgeCounters counters;
    private OutboxAdmin outboxAdmin;
    private List<OrderPlaced> orders;
    private long acknowledgedThroughOutbox;

    @Setup
    public void startServersAndApplication() throws Exception {
        application = new BenchmarkApplication(synchronousCommit,
                Map.of("quarkus.module-events.outbox.relay.batch-size", String.valueOf(relayBatchSize),
                        "quarkus.module-events.outbox.relay.poll-interval", "1H"));
        BenchmarkBeans beans = application.beans();
        outboxSender = beans.outboxSender;
        plainSender = beans.plainSender;
        backlogRows = beans.backlogRows;
        counters = beans.counters;
        outboxAdmin = beans.outboxAdmin;
        orders = RelayThroughputBenchmark.orders(BACKLOG, 1);
        acknowledgedThroughOutbox = counters.sent(RelayThroughputBenchmark.OUTBOX_CHANNEL);
    }

    @TearDown
    public void stopAll() throws Exception {
        if (application != null) {
            application.close();
        }
    }

    /**
     * The committed rows {@code outboxRelay} drains, all but the last.
     */
    @State(Scope.Benchmark)
    public static class Backlog {

        @Setup(Level.Invocation)
        public void commitRows(BacklogDrainBenchmark benchmark) throws Exception {
            benchmark.backlogRows.commit(benchmark.orders.subList(0, BACKLOG - 1));
        }
    }

    @Benchmark
    @OperationsPerInvocation(BACKLOG)
    public void outboxRelay(Backlog backlog) {
        outboxSender.sendAll(orders.subList(BACKLOG - 1, BACKLOG));
        acknowledgedThroughOutbox += BACKLOG;
        long deadline = System.nanoTime() + STUCK_AFTER_NANOS;
        while (counters.sent(RelayThroughputBenchmark.OUTBOX_CHANNEL) < acknowledgedThroughOutbox) {
            waitForRelay(deadline);
        }
        // the relay deletes a batch's rows right after the broker's last acknowledgement of the batch
        while (outboxAdmin.counts().pending() > 0) {
            waitForRelay(deadline);
        }
    }

    @Benchmark
    @OperationsPerInvocation(BACKLOG)
    public void plainConnector() throws Exception {
        CompletableFuture<?>[] acknowledged = new CompletableFuture<?>[BACKLOG];
        for (int i = 0; i < BACKLOG; i++) {
            acknowledged[i] = plainSender.send(orders.get(i));
        }
        CompletableFuture.allOf(acknowledged).get(STUCK_AFTER_NANOS, TimeUnit.NANOSECONDS);
    }

    private void waitForRelay(long deadline) {
        long failures = counters.sendFailures(RelayThroughputBenchmark.OUTBOX_CHANNEL);
        if (failures > 0 || System.nanoTime() > deadline) {
            throw new IllegalStateException(String.format(Locale.ROOT, "The relay did not drain the backlog: %d of %d"
                    + " acknowledged, %d send failures, outbox %s",
                    counters.sent(RelayThroughputBenchmark.OUTBOX_CHANNEL), acknowledgedThroughOutbox, failures,
                    outboxAdmin.counts()));
        }
        LockSupport.parkNanos(WAIT_STEP_NANOS);
    }
}
