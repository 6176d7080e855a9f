package io.quarkiverse.moduleevents.benchmarks.durable.load;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.agroal.api.AgroalDataSource;

/**
 * {@code GET /effects/summary}: what the receivers did to the orders committed so far, and how many durable receivers'
 * records are not delivered yet ({@code pending}: the outbox deletes a record when it delivers it). One statement, so
 * one snapshot: counted by separate statements, a record delivered between the count of the orders without an effect
 * and the count of the records would show as an order without an effect and nothing pending.
 */
@Path("/effects/summary")
public class SummaryResource {

    private static final String SUMMARY = "SELECT"
            + " (SELECT count(*) FROM orders),"
            + " (SELECT count(*) FROM effects),"
            + " (SELECT count(DISTINCT order_id) FROM effects),"
            + " (SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM effects e WHERE e.order_id = o.id)),"
            + " (SELECT count(*) FROM (SELECT order_id FROM effects GROUP BY order_id HAVING count(*) > 1) d),"
            + " (SELECT count(*) FROM module_events_outbox WHERE receiver IS NOT NULL),"
            + " (SELECT coalesce(floor(extract(epoch FROM max(done_at)) * 1000000), 0)::bigint FROM effects)";

    private final AgroalDataSource dataSource;

    SummaryResource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GET
    public Summary summary() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(SUMMARY)) {
            result.next();
            return new Summary(result.getLong(1), result.getLong(2), result.getLong(3), result.getLong(4),
                    result.getLong(5), result.getLong(6), result.getLong(7));
        }
    }

    public record Summary(long orders, long effects, long distinctEffects, long missing, long duplicated, long pending,
            long lastEffectAtMicros) {
    }
}
