package io.quarkiverse.moduleevents.outbox.runtime;

import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;

/**
 * Checks the outbox's configuration and creates or validates its tables at start-up, as
 * {@code quarkus.module-events.outbox.schema-management} says, then starts the relay (unless
 * {@code quarkus.module-events.outbox.relay.enabled} is {@code false}), the durable receivers' delivery
 * and, with the inbox, the inbox cleanup; stops them at shutdown.
 */
@Singleton
public class OutboxStartup {

    private static final Logger LOG = Logger.getLogger(OutboxStartup.class);

    private final OutboxDataSource dataSource;
    private final OutboxSchema schema;
    private final OutboxRelay relay;
    private final DurableDelivery durableDelivery;
    private final Instance<InboxCleanup> inboxCleanup;
    private final OutboxRuntimeConfig config;

    /**
     * @param inboxCleanup a bean only when the inbox is enabled
     */
    @Inject
    OutboxStartup(OutboxDataSource dataSource, OutboxSchema schema, OutboxRelay relay, DurableDelivery durableDelivery,
            Instance<InboxCleanup> inboxCleanup, OutboxRuntimeConfig config) {
        this.dataSource = dataSource;
        this.schema = schema;
        this.relay = relay;
        this.durableDelivery = durableDelivery;
        this.inboxCleanup = inboxCleanup;
        this.config = config;
    }

    void start(@Observes StartupEvent event) throws SQLException {
        OutboxConfigCheck.check(config, ConfigProvider.getConfig());
        switch (config.schemaManagement()) {
            case CREATE -> {
                schema.create();
                LOG.debugf("Outbox tables are ready in datasource '%s'", dataSource.name());
            }
            case VALIDATE -> validate();
            case NONE -> {
            }
        }
        if (config.relay().enabled()) {
            relay.start();
        }
        durableDelivery.start();
        if (inboxCleanup.isResolvable()) {
            inboxCleanup.get().start();
        }
    }

    private void validate() throws SQLException {
        List<String> missing = schema.missing();
        if (!missing.isEmpty()) {
            throw new ConfigurationException("The outbox's schema is incomplete in datasource '"
                    + dataSource.name() + "': missing " + String.join(", ", missing)
                    + "; create it with the DDL of the outbox's documentation (in your migrations), or set"
                    + " quarkus.module-events.outbox.schema-management=create");
        }
    }

    void stop(@Observes ShutdownEvent event) {
        relay.stop();
        durableDelivery.stop();
        if (inboxCleanup.isResolvable()) {
            inboxCleanup.get().stop();
        }
    }
}
