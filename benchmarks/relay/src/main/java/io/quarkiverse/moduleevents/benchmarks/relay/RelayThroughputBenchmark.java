package io.quarkiverse.moduleevents.benchmarks.relay;

import java.util.ArrayList;
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
 * Events per second from commit to broker acknowledgement through the outbox, against the Kafka connector's own send
 * rate to the same broker, in the same JVM and the same run.
 * <p>
 * The fork starts PostgreSQL, a Kafka broker and the packaged application ({@link BenchmarkApplication}). Each
 * invocation handles
 * {@value #EVENTS} events of the same small payload:
 * <ul>
 * <li>{@code outboxRelay} commits them in transactions of {@value #EVENTS_PER_TRANSACTION}, sent with the module's
 * emitter (so the outbox writes one row per event in each), and returns once the broker acknowledged every one of them
 * and the relay deleted their rows. The relay starts on the first batch while later transactions are still being
 * committed, as it would behind a busy service.</li>
 * <li>{@code plainConnector} sends the same payloads, as the same records, straight to a SmallRye Kafka emitter, all
 * at once, and returns once the broker acknowledged all of them: the ceiling.</li>
 * </ul>
 * Both wait by parking, not spinning: on two cores a spinning thread would take a core from the relay, the database or
 * the broker. Each iteration of {@code outboxRelay} also prints, before its score, how its invocations split between
 * committing and waiting for the relay.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g",
        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager" })
public class RelayThroughputBenchmark {

    static final int EVENTS = 1000;
    static final int EVENTS_PER_TRANSACTION = 100;
    static final String OUTBOX_CHANNEL = "orders";
    static final String OUTBOX_TOPIC = "relay-outbox";
    static final String PLAIN_TOPIC = "relay-plain";
    private static final long WAIT_STEP_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    private static final long STUCK_AFTER_NANOS = TimeUnit.MINUTES.toNanos(2);

    /** {@code quarkus.module-events.outbox.relay.batch-size} */
    @Param("100")
    int relayBatchSize;

    /**
     * How many consecutive events share one order id, the subject: the relay sends the events of one subject one after
     * the other, each once the previous was acknowledged.
     */
    @Param("1")
    int eventsPerOrder;

    /** PostgreSQL's {@code synchronous_commit}: {@code on} waits for the commit's WAL to reach the disk */
    @Param("on")
    String synchronousCommit;

    private BenchmarkApplication application;
    private TransactionalOrderSender outboxSender;
    private PlainConnectorSender plainSender;
    private BridgeCounters counters;
    private OutboxAdmin outboxAdmin;
    private List<OrderPlaced> orders;
    private List<List<OrderPlaced>> transactions;
    private long acknowledgedThroughOutbox;
    private final RelayPhases phases = new RelayPhases();

    @Setup
    public void startServersAndApplication() throws Exception {
        application = new BenchmarkApplication(synchronousCommit,
                Map.of("quarkus.module-events.outbox.relay.batch-size", String.valueOf(relayBatchSize)));
        BenchmarkBeans beans = application.beans();
        outboxSender = beans.outboxSender;
        plainSender = beans.plainSender;
        counters = beans.counters;
        outboxAdmin = beans.outboxAdmin;
        orders = orders(EVENTS, eventsPerOrder);
        transactions = new ArrayList<>();
        for (int from = 0; from < EVENTS; from += EVENTS_PER_TRANSACTION) {
            transactions.add(orders.subList(from, Math.min(EVENTS, from + EVENTS_PER_TRANSACTION)));
        }
        acknowledgedThroughOutbox = counters.sent(OUTBOX_CHANNEL);
    }

    @Setup(Level.Iteration)
    public void startCountingPhases() {
        phases.reset();
    }

    @TearDown(Level.Iteration)
    public void printPhases() {
        phases.print();
    }

    @TearDown
    public void stopAll() throws Exception {
        if (application != null) {
            application.close();
        }
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void outboxRelay() {
        long start = System.nanoTime();
        for (List<OrderPlaced> transaction : transactions) {
            outboxSender.sendAll(transaction);
        }
        long committed = System.nanoTime();
        long acknowledgedAtLastCommit = counters.sent(OUTBOX_CHANNEL) - acknowledgedThroughOutbox;
        acknowledgedThroughOutbox += EVENTS;
        long deadline = committed + STUCK_AFTER_NANOS;
        while (counters.sent(OUTBOX_CHANNEL) < acknowledgedThroughOutbox) {
            waitForRelay(deadline, "acknowledged");
        }
        // the relay deletes a batch's rows right after the broker's last acknowledgement of the batch
        while (outboxAdmin.counts().pending() > 0) {
            waitForRelay(deadline, "deleted");
        }
        phases.add(committed - start, System.nanoTime() - committed, acknowledgedAtLastCommit);
    }

    @Benchmark
    @OperationsPerInvocation(EVENTS)
    public void plainConnector() throws Exception {
        CompletableFuture<?>[] acknowledged = new CompletableFuture<?>[EVENTS];
        for (int i = 0; i < EVENTS; i++) {
            acknowledged[i] = plainSender.send(orders.get(i));
        }
        CompletableFuture.allOf(acknowledged).get(STUCK_AFTER_NANOS, TimeUnit.NANOSECONDS);
    }

    private void waitForRelay(long deadline, String waitingFor) {
        long failures = counters.sendFailures(OUTBOX_CHANNEL);
        if (failures > 0 || System.nanoTime() > deadline) {
            throw new IllegalStateException(String.format(Locale.ROOT, "The relay did not get the events %s: %d of"
                    + " %d acknowledged, %d send failures, outbox %s", waitingFor, counters.sent(OUTBOX_CHANNEL),
                    acknowledgedThroughOutbox, failures, outboxAdmin.counts()));
        }
        LockSupport.parkNanos(WAIT_STEP_NANOS);
    }

    /**
     * Where the time of {@code outboxRelay}'s invocations went: committing the transactions, then waiting until the
     * relay had acknowledged and deleted the rest.
     */
    private static final class RelayPhases {

        private long invocations;
        private long committingNanos;
        private long waitingNanos;
        private long acknowledgedAtLastCommit;

        void add(long committing, long waiting, long acknowledged) {
            invocations++;
            committingNanos += committing;
            waitingNanos += waiting;
            acknowledgedAtLastCommit += acknowledged;
        }

        void reset() {
            invocations = committingNanos = waitingNanos = acknowledgedAtLastCommit = 0;
        }

        /** Prints without a line break: JMH writes the iteration's score after it, on the same line. */
        void print() {
            if (invocations > 0) {
                System.out.printf(Locale.ROOT, "[mean of %d invocations: %.0f ms committing, %.0f ms waiting for the"
                        + " relay, %.0f of %,d acknowledged at the last commit] ", invocations,
                        committingNanos / 1e6 / invocations, waitingNanos / 1e6 / invocations,
                        (double) acknowledgedAtLastCommit / invocations, EVENTS);
                System.out.flush();
            }
        }
    }

    /** {@code count} payloads; consecutive runs of {@code eventsPerOrder} share an order id. */
    static List<OrderPlaced> orders(int count, int eventsPerOrder) {
        List<OrderPlaced> orders = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int order = i / eventsPerOrder;
            orders.add(new OrderPlaced(String.format(Locale.ROOT, "order-%06d", order),
                    String.format(Locale.ROOT, "customer-%04d", order % 1000), 1_000 + i, "EUR"));
        }
        return orders;
    }
}
