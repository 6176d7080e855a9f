package io.quarkiverse.moduleevents.faultinjection.producer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;

/** Creates the app's tables at start-up. */
public final class Tables {

    private static final Logger LOG = Logger.getLogger(Tables.class);

    private Tables() {
    }

    /**
     * Runs {@code CREATE TABLE IF NOT EXISTS ...}, up to five times: two instances may start at once on one database,
     * and the statement can still race in the catalog.
     */
    public static void create(AgroalDataSource dataSource, String table, String createIfNotExists) throws SQLException {
        for (int attempt = 1;; attempt++) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute(createIfNotExists);
                return;
            } catch (SQLException e) {
                if (attempt >= 5) {
                    throw e;
                }
                LOG.warnf("Creating the table %s failed (%s); trying again", table, e.getMessage());
            }
        }
    }
}
