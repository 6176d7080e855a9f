package io.quarkiverse.moduleevents.benchmarks.relay;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
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

import io.quarkiverse.moduleevents.outbox.OutboxAdmin;

/**
 * What a durable receiver costs the transaction that sends its event, and how many of its records are delivered per
 * second, on embedded PostgreSQL, one sender thread:
 * <ul>
 * <li>{@code sendWithPlainReceiver}: one business transaction (a row in {@code parcels} and one {@code send}) whose
 * event has an ordinary receiver; transactions per second.</li>
 * <li>{@code sendWithDurableReceiver}: the same transaction whose event has a durable receiver instead, so the send
 * writes its record; the records are delivered meanwhile, as behind a busy service, and each iteration ends once
 * they all are.</li>
 * <li>{@code durableDeliveries}: {@value #DELIVERIES} such transactions, one after the other, and the wait until the
 * durable receiver completed every one (its row in {@code parcel_effects} and the record's deletion committed):
 * records delivered per second from the first commit to the last completion.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 10)
@Measurement(iterations = 5, time = 10)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g",
        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager" })
public class DurableReceiverBenchmark {

    static final int DELIVERIES = 1000;
    private static final long WAIT_STEP_NANOS = TimeUnit.MICROSECONDS.toNanos(500);
    private static final long STUCK_AFTER_NANOS = TimeUnit.MINUTES.toNanos(2);

    /** PostgreSQL's {@code synchronous_commit}: {@code on} waits for the commit's WAL to reach the disk */
    @Param("on")
    String synchronousCommit;

    private BenchmarkApplication application;
    private ParcelSender sender;
    private ParcelReceivers receivers;
    private OutboxAdmin outboxAdmin;
    private long parcels;
    private long durableSent;

    @Setup
    public void startServersAndApplication() throws Exception {
        application = new BenchmarkApplication(synchronousCommit, Map.of());
        BenchmarkBeans beans = application.beans();
        sender = beans.parcelSender;
        receivers = beans.parcelReceivers;
        outboxAdmin = beans.outboxAdmin;
        try (Connection connection = beans.dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(ParcelSender.CREATE_PARCELS);
            statement.execute(ParcelReceivers.CREATE_EFFECTS);
        }
    }

    @TearDown(Level.Iteration)
    public void waitUntilEveryRecordIsDelivered() {
        awaitDurableDeliveries();
    }

    @TearDown
    public void stopAll() throws Exception {
        if (application != null) {
            application.close();
        }
    }

    @Benchmark
    public void sendWithPlainReceiver() throws SQLException {
        sender.store(nextParcel(), ParcelEvents.PACKED);
    }

    @Benchmark
    public void sendWithDurableReceiver() throws SQLException {
        sender.store(nextParcel(), ParcelEvents.SHIPPED);
        durableSent++;
    }

    @Benchmark
    @OperationsPerInvocation(DELIVERIES)
    public void durableDeliveries() throws SQLException {
        for (int i = 0; i < DELIVERIES; i++) {
            sender.store(nextParcel(), ParcelEvents.SHIPPED);
        }
        durableSent += DELIVERIES;
        awaitDurableDeliveries();
    }

    private Parcel nextParcel() {
        parcels++;
        return new Parcel(String.format(Locale.ROOT, "parcel-%09d", parcels),
                String.format(Locale.ROOT, "order-%06d", parcels / 3), 250 + (int) (parcels % 5000));
    }

    private void awaitDurableDeliveries() {
        long deadline = System.nanoTime() + STUCK_AFTER_NANOS;
        while (receivers.shipped() < durableSent || outboxAdmin.counts().pending() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(String.format(Locale.ROOT, "The durable receiver did not get its"
                        + " records: %d of %d delivered, outbox %s", receivers.shipped(), durableSent,
                        outboxAdmin.counts()));
            }
            LockSupport.parkNanos(WAIT_STEP_NANOS);
        }
    }
}
