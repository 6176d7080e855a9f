package io.quarkiverse.moduleevents.benchmarks;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.vertx.ConsumeEvent;

/**
 * Local consumers on Quarkus's Vert.x event bus: one of {@link #ONE}, ten of {@link #TEN}. Quarkus registers a local
 * codec for {@link Tick}, so the payload is passed by reference, as with CDI. Each delivery counts, so that the
 * benchmark can wait until every consumer has run.
 */
@ApplicationScoped
public class BusReceivers {

    static final String ONE = "bench.dispatch.one";
    static final String TEN = "bench.dispatch.ten";

    private final AtomicLong delivered = new AtomicLong();

    static String address(int observers) {
        return observers == 1 ? ONE : TEN;
    }

    /**
     * A method, not the field: the benchmark holds the client proxy, whose own fields are never written.
     */
    long delivered() {
        return delivered.get();
    }

    @ConsumeEvent(ONE)
    void one(Tick tick) {
        delivered.incrementAndGet();
    }

    @ConsumeEvent(TEN)
    void ten01(Tick tick) {
        delivered.incrementAndGet();
    }

    @ConsumeEvent(TEN)
    void ten02(Tick tick) {
        delivered.incrementAndGet();
    }

    @ConsumeEvent(TEN)
    void ten03(Tick tick) {
        delivered.incrementAndGet();
    }

    @ConsumeEvent(TEN)
    void ten04(Tick tick) {
        delivered.incrementAndGet();
    }

    @ConsumeEvent(TEN)
    void ten05(Tick tick) {
        delivered.incrementAndGet();
    }

    @ConsumeEvent(TEN)
    void ten06(Tick tick) {
        delivered.incrementAndGet();
    }

    @ConsumeEvent(TEN)
    void ten07(Tick tick) {
        delivered.incrementAndGet();
    }

    @ConsumeEvent(TEN)
    void ten08(Tick tick) {
        delivered.incrementAndGet();
    }

    @ConsumeEvent(TEN)
    void ten09(Tick tick) {
        delivered.incrementAndGet();
    }

    @ConsumeEvent(TEN)
    void ten10(Tick tick) {
        delivered.incrementAndGet();
    }
}
