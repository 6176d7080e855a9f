package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Deletes the inbox rows older than {@code inbox.retention}, at start-up and then every
 * {@code inbox.cleanup-interval}, on a thread of its own. It deletes them in batches of 1,000 rows, each in a
 * transaction of its own, so that a large backlog never holds many row locks for long.
 */
@Singleton
public class InboxCleanup {

    private static final int BATCH_SIZE = 1_000;
    private static final Logger LOG = Logger.getLogger(InboxCleanup.class);
    private static final long STOP_SECONDS = 10;

    private final OutboxDataSource dataSource;
    private final InboxRows inboxRows;
    private final OutboxRuntimeConfig.Inbox config;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService executor;
    private volatile boolean running;

    @Inject
    InboxCleanup(OutboxDataSource dataSource, InboxRows inboxRows, OutboxRuntimeConfig config) {
        this.dataSource = dataSource;
        this.inboxRows = inboxRows;
        this.config = config.inbox();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "module-events-outbox-inbox-cleanup");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::cleanUp, 0, config.cleanupInterval().toMillis(), TimeUnit.MILLISECONDS);
    }

    synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        executor.shutdown();
        try {
            executor.awaitTermination(STOP_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }

    private void cleanUp() {
        Instant cutoff = clock.instant().minus(config.retention());
        try {
            int deleted = deleteRowsBefore(cutoff);
            LOG.debugf("Inbox cleanup: %d rows received before %s deleted", deleted, cutoff);
        } catch (RuntimeException e) {
            // caught, because the executor would never run a task again that threw
            LOG.errorf(e, "Inbox cleanup failed; it tries again in %s (quarkus.module-events.outbox.inbox"
                    + ".cleanup-interval)", config.cleanupInterval());
        }
    }

    /**
     * @return how many rows were deleted
     */
    private int deleteRowsBefore(Instant cutoff) {
        int total = 0;
        int deleted;
        do {
            deleted = QuarkusTransaction.requiringNew().call(() -> {
                try (Connection connection = dataSource.connection()) {
                    return inboxRows.deleteReceivedBefore(connection, cutoff, BATCH_SIZE);
                }
            });
            total += deleted;
        } while (deleted == BATCH_SIZE && running);
        return total;
    }
}
