package io.quarkiverse.moduleevents.benchmarks.springmodulith.load;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.quarkiverse.moduleevents.benchmarks.springmodulith.order.OrderService;

/** {@code POST /orders?first=F&count=N}: places orders F to F+N-1, one transaction each, on the request's thread. */
@RestController
class LoadController {

    private final OrderService orders;

    LoadController(OrderService orders) {
        this.orders = orders;
    }

    @PostMapping("/orders")
    SendTimings place(@RequestParam(defaultValue = "1") long first, @RequestParam(defaultValue = "10000") int count) {
        long firstSendAtMicros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        long start = System.nanoTime();
        for (long id = first; id < first + count; id++) {
            orders.place(id);
        }
        return new SendTimings(count, firstSendAtMicros, System.nanoTime() - start);
    }

    record SendTimings(int count, long firstSendAtMicros, long sendNanos) {
    }
}
