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
 * records are not delivered yet ({@code pending}: the outbox deletes a record when it delivers it).
 */
@Path("/effects/summary")
public class SummaryResource {

    private final AgroalDataSource dataSource;

    SummaryResource(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @GET
    public Summary summary() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            return new Summary(
                    count(statement, "SELECT count(*) FROM orders"),
                    count(statement, "SELECT count(*) FROM effects"),
                    count(statement, "SELECT count(DISTINCT order_id) FROM effects"),
                    count(statement, "SELECT count(*) FROM orders o"
                            + " WHERE NOT EXISTS (SELECT 1 FROM effects e WHERE e.order_id = o.id)"),
                    count(statement, "SELECT count(*) FROM"
                            + " (SELECT order_id FROM effects GROUP BY order_id HAVING count(*) > 1) d"),
                    count(statement, "SELECT count(*) FROM module_events_outbox WHERE receiver IS NOT NULL"),
                    count(statement, "SELECT coalesce(floor(extract(epoch FROM max(done_at)) * 1000000), 0)::bigint"
                            + " FROM effects"));
        }
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    public record Summary(long orders, long effects, long distinctEffects, long missing, long duplicated, long pending,
            long lastEffectAtMicros) {
    }
}
