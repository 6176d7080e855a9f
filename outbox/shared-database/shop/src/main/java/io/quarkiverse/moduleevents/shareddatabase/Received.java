package io.quarkiverse.moduleevents.shareddatabase;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkus.runtime.StartupEvent;

/**
 * The receivers of the events that come from the broker ({@code @Remote}: the service's own local events are not
 * recorded): each upserts {@code received(service, event, subject)} and counts its deliveries, in the inbox's
 * transaction ({@code REQUIRED}). Both services write to the one table of their shared database.
 */
@ApplicationScoped
public class Received {

    private static final Logger LOG = Logger.getLogger(Received.class);

    private final AgroalDataSource dataSource;
    private final String service;

    Received(AgroalDataSource dataSource, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.dataSource = dataSource;
        this.service = service;
    }

    void createSchema(@Observes StartupEvent start) throws SQLException {
        // the two services start at once on one database: CREATE TABLE IF NOT EXISTS can still race in the catalog
        for (int attempt = 1;; attempt++) {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE IF NOT EXISTS received (service VARCHAR(50), event VARCHAR(100),"
                        + " subject VARCHAR(100), deliveries INT NOT NULL, PRIMARY KEY (service, event, subject))");
                return;
            } catch (SQLException e) {
                if (attempt >= 5) {
                    throw e;
                }
                LOG.warnf("Creating the table received failed (%s); trying again", e.getMessage());
            }
        }
    }

    void onPlaced(@Observes @Remote @Named(OrderEvents.PLACED) Item item) throws SQLException {
        record(OrderEvents.PLACED, item);
    }

    void onCancelled(@Observes @Remote @Named(OrderEvents.CANCELLED) Item item) throws SQLException {
        record(OrderEvents.CANCELLED, item);
    }

    void onIssued(@Observes @Remote @Named(BillingEvents.ISSUED) Item item) throws SQLException {
        record(BillingEvents.ISSUED, item);
    }

    void onReserved(@Observes @Remote @Named(StockEvents.RESERVED) Item item) throws SQLException {
        record(StockEvents.RESERVED, item);
    }

    @Transactional
    void record(String event, Item item) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement upsert = connection.prepareStatement("INSERT INTO received (service, event, subject,"
                        + " deliveries) VALUES (?, ?, ?, 1) ON CONFLICT (service, event, subject) DO UPDATE"
                        + " SET deliveries = received.deliveries + 1")) {
            upsert.setString(1, service);
            upsert.setString(2, event);
            upsert.setString(3, item.id());
            upsert.executeUpdate();
        }
    }
}
