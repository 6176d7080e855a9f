package io.quarkiverse.moduleevents.outbox.runtime;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.jboss.logging.Logger;

/**
 * A thread of the outbox that works through due rows in batches: batch after batch while they come full, then again
 * when a commit wakes it or after {@code relay.poll-interval}.
 */
abstract class BatchWorker implements Wakeable {

    private static final Logger LOG = Logger.getLogger(BatchWorker.class);

    private final OutboxRuntimeConfig.Relay config;
    private final String threadName;
    private final String description;
    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    /**
     * @param description what the worker does, for its log ({@code Outbox relay})
     */
    BatchWorker(OutboxRuntimeConfig.Relay config, String threadName, String description) {
        this.config = config;
        this.threadName = threadName;
        this.description = description;
    }

    /**
     * Does one batch.
     *
     * @return how many rows it claimed
     */
    abstract int workBatch();

    /**
     * Ends the batches still under way, once the worker stops working through full batches: before it waits, stops,
     * or tries again after a failure. None by default.
     */
    void finishBatches() {
    }

    /**
     * Makes the worker look for rows now, rather than after its poll interval.
     */
    @Override
    public void wake() {
        if (wake.availablePermits() == 0) {
            wake.release();
        }
    }

    synchronized void start() {
        if (running) {
            return;
        }
        running = true;
        thread = new Thread(this::run, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops the worker, waiting up to {@code relay.send-timeout} plus 5 seconds for its batch to end.
     */
    synchronized void stop() {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(config.sendTimeout().toMillis() + 5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }

    /**
     * @return whether the worker is to go on, false once it is stopping
     */
    boolean running() {
        return running;
    }

    private void run() {
        while (running) {
            try {
                try {
                    while (running && workBatch() == config.batchSize()) {
                        // a full batch: more rows may be due
                    }
                } finally {
                    finishBatches();
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "%s failed; it tries again in %s (quarkus.module-events.outbox.relay.poll-interval)",
                        description, config.pollInterval());
            }
            try {
                wake.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                wake.drainPermits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
