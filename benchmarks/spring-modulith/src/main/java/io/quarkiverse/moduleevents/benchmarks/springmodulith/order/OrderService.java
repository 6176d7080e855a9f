package io.quarkiverse.moduleevents.benchmarks.springmodulith.order;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sending transaction: one business row and one event. */
@Service
public class OrderService {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    OrderService(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public void place(long orderId) {
        jdbc.sql("INSERT INTO orders (id) VALUES (?)").param(orderId).update();
        events.publishEvent(new OrderPlaced(orderId));
    }
}
