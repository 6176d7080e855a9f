package io.quarkiverse.moduleevents.faultinjection.producer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;

/**
 * Drives the stream: {@code POST /load?prefix=run&from=1&to=1000} places one order per sequence number, each in its own
 * transaction, in a background loop; {@code GET /load} tells how far it got. A failed transaction (database down, …)
 * is counted and the loop goes on with the next number; the test reads what committed from the database.
 */
@Path("/load")
public class LoadResource {

    private static final Logger LOG = Logger.getLogger(LoadResource.class);

    private final Orders orders;
    private final ExecutorService loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "load"));
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong attempted = new AtomicLong();
    private final AtomicLong committed = new AtomicLong();
    private final AtomicLong rolledBack = new AtomicLong();
    private final AtomicLong skipped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicReference<String> lastError = new AtomicReference<>();

    LoadResource(Orders orders) {
        this.orders = orders;
    }

    /**
     * @param rollbackEvery every sequence number divisible by it rolls back (0: none)
     * @param poison the sequence number whose event carries {@code poisonBytes} of padding (0: none)
     * @param pauseMillis the pause after each transaction, to stretch the stream over a fault
     */
    @POST
    public Response start(@QueryParam("prefix") @DefaultValue("order") String prefix,
            @QueryParam("from") @DefaultValue("1") int from, @QueryParam("to") @DefaultValue("1000") int to,
            @QueryParam("rollbackEvery") @DefaultValue("0") int rollbackEvery,
            @QueryParam("poison") @DefaultValue("0") int poison,
            @QueryParam("poisonBytes") @DefaultValue("0") int poisonBytes,
            @QueryParam("pauseMillis") @DefaultValue("0") long pauseMillis) {
        if (!running.compareAndSet(false, true)) {
            return Response.status(Response.Status.CONFLICT).entity("already running").build();
        }
        loop.submit(() -> {
            try {
                for (int sequence = from; sequence <= to; sequence++) {
                    boolean rollback = rollbackEvery > 0 && sequence % rollbackEvery == 0;
                    attempted.incrementAndGet();
                    try {
                        if (orders.place(businessId(prefix, sequence), sequence, rollback,
                                sequence == poison ? poisonBytes : 0)) {
                            committed.incrementAndGet();
                        } else {
                            skipped.incrementAndGet();
                        }
                    } catch (Orders.RollbackRequested e) {
                        rolledBack.incrementAndGet();
                    } catch (Exception e) {
                        failed.incrementAndGet();
                        lastError.set(e.toString());
                        LOG.debugf(e, "Order %d failed", sequence);
                    }
                    if (pauseMillis > 0) {
                        Thread.sleep(pauseMillis);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                running.set(false);
            }
        });
        return Response.accepted(status()).build();
    }

    @GET
    public Status status() {
        return new Status(running.get(), attempted.get(), committed.get(), rolledBack.get(), skipped.get(),
                failed.get(), lastError.get());
    }

    static String businessId(String prefix, int sequence) {
        return prefix + "-" + String.format("%06d", sequence);
    }

    @PreDestroy
    void stop() {
        loop.shutdownNow();
    }

    public record Status(boolean running, long attempted, long committed, long rolledBack, long skipped, long failed,
            String lastError) {
    }
}
