package io.quarkiverse.moduleevents.benchmarks.relay;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import javax.sql.DataSource;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.quarkiverse.moduleevents.outbox.OutboxAdmin;

/**
 * What the outbox adds to a business transaction, on embedded PostgreSQL, one thread, transactions per second:
 * <ul>
 * <li>{@code orderOnly}: a transaction that inserts a row in {@code orders}, and nothing else;</li>
 * <li>{@code orderWithEvent}: the same transaction that also sends a bridged event, which the outbox writes as a row
 * of its table in that transaction.</li>
 * </ul>
 * With {@code relay=publishing} the relay publishes the rows to Kafka meanwhile, on the same cores, as behind a busy
 * service, and each iteration ends once it has published every one. With {@code relay=held-back} the application runs
 * no relay ({@code relay.enabled=false}), so the transaction is measured alone, and each iteration ends by deleting the
 * rows it wrote.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 5)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgsAppend = { "-Xms2g", "-Xmx2g",
        "-Djava.util.logging.manager=org.jboss.logmanager.LogManager" })
public class BusinessTransactionBenchmark {

    private static final long WAIT_STEP_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
    private static final long STUCK_AFTER_NANOS = TimeUnit.MINUTES.toNanos(2);

    /** PostgreSQL's {@code synchronous_commit}: {@code on} waits for the commit's WAL to reach the disk */
    @Param("on")
    String synchronousCommit;

    /** {@code publishing}: the relay runs; {@code held-back}: it does not, and the rows stay in the table */
    @Param({ "publishing", "held-back" })
    String relay;

    private BenchmarkApplication application;
    private DataSource dataSource;
    private OrderTransactions transactions;
    private OutboxAdmin outboxAdmin;
    private long orders;

    @Setup
    public void startServersAndApplication() throws Exception {
        application = new BenchmarkApplication(synchronousCommit,
                Map.of("quarkus.module-events.outbox.relay.enabled", String.valueOf(relay.equals("publishing"))));
        BenchmarkBeans beans = application.beans();
        dataSource = beans.dataSource;
        transactions = beans.orderTransactions;
        outboxAdmin = beans.outboxAdmin;
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(OrderTransactions.CREATE_ORDERS);
        }
    }

    @TearDown(Level.Iteration)
    public void publishOrDeleteTheRows() throws SQLException {
        if (relay.equals("held-back")) {
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("DELETE FROM module_events_outbox");
            }
            return;
        }
        long deadline = System.nanoTime() + STUCK_AFTER_NANOS;
        while (outboxAdmin.counts().pending() > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The relay did not publish the rows: outbox " + outboxAdmin.counts());
            }
            LockSupport.parkNanos(WAIT_STEP_NANOS);
        }
    }

    @TearDown
    public void stopAll() throws Exception {
        if (application != null) {
            application.close();
        }
    }

    @Benchmark
    public void orderOnly() throws SQLException {
        transactions.place(nextOrder());
    }

    @Benchmark
    public void orderWithEvent() throws SQLException {
        transactions.placeAndSend(nextOrder());
    }

    private OrderPlaced nextOrder() {
        orders++;
        return new OrderPlaced(String.format(Locale.ROOT, "order-%09d", orders),
                String.format(Locale.ROOT, "customer-%04d", orders % 1000), 1_000 + orders % 50_000, "EUR");
    }
}
