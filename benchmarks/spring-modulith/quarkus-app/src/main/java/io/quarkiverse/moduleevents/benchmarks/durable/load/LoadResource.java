package io.quarkiverse.moduleevents.benchmarks.durable.load;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;

import io.quarkiverse.moduleevents.benchmarks.durable.order.OrderService;

/** {@code POST /orders?first=F&count=N}: places orders F to F+N-1, one transaction each, on the request's thread. */
@Path("/orders")
public class LoadResource {

    private final OrderService orders;

    LoadResource(OrderService orders) {
        this.orders = orders;
    }

    @POST
    public SendTimings place(@QueryParam("first") @DefaultValue("1") long first,
            @QueryParam("count") @DefaultValue("10000") int count) throws SQLException {
        long firstSendAtMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long start = System.nanoTime();
        for (long id = first; id < first + count; id++) {
            orders.place(id);
        }
        return new SendTimings(count, firstSendAtMicros, System.nanoTime() - start);
    }

    public record SendTimings(int count, long firstSendAtMicros, long sendNanos) {
    }
}
