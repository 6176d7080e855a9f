package io.quarkiverse.moduleevents.benchmarks.springmodulith.load;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /effects/summary}: what the listeners did to the orders committed so far, and how many of Spring
 * Modulith's event publications are not completed yet ({@code pending}; 0 without the registry).
 */
@RestController
class SummaryController {

    private final JdbcClient jdbc;

    SummaryController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @GetMapping("/effects/summary")
    Summary summary() {
        return new Summary(
                count("SELECT count(*) FROM orders"),
                count("SELECT count(*) FROM effects"),
                count("SELECT count(DISTINCT order_id) FROM effects"),
                count("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM effects e WHERE e.order_id = o.id)"),
                count("SELECT count(*) FROM (SELECT order_id FROM effects GROUP BY order_id HAVING count(*) > 1) d"),
                pendingPublications(),
                count("SELECT coalesce(floor(extract(epoch FROM max(done_at)) * 1000000), 0)::bigint FROM effects"));
    }

    private long pendingPublications() {
        boolean registry = jdbc.sql("SELECT to_regclass('event_publication') IS NOT NULL").query(Boolean.class).single();
        return registry ? count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL") : 0;
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    record Summary(long orders, long effects, long distinctEffects, long missing, long duplicated, long pending,
            long lastEffectAtMicros) {
    }
}
