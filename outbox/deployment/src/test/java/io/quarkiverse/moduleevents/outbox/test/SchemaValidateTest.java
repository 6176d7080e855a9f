package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code schema-management=validate} fails the start, naming every missing table and column.
 */
class SchemaValidateTest {

    /** a file, so that the application, in its own class loader, sees what this test created */
    private static final String URL = "jdbc:h2:file:" + Path.of("target", "schema-validate").toAbsolutePath()
            + ";DB_CLOSE_ON_EXIT=FALSE";

    static {
        try (Connection connection = DriverManager.getConnection(URL);
                Statement statement = connection.createStatement()) {
            statement.execute("DROP ALL OBJECTS");
            statement.execute("CREATE TABLE module_events_outbox (id UUID PRIMARY KEY, seq BIGINT,"
                    + " channel VARCHAR(255), event_name VARCHAR(255), module VARCHAR(255), source VARCHAR(1024),"
                    + " subject VARCHAR(1024),"
                    + " payload VARBINARY, created_at TIMESTAMP WITH TIME ZONE, status VARCHAR(16),"
                    + " attempts INTEGER, next_attempt_at TIMESTAMP WITH TIME ZONE, published_at TIMESTAMP WITH TIME"
                    + " ZONE)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", URL)
            .overrideConfigKey("quarkus.module-events.outbox.schema-management", "validate")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop")
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-in-memory")
            .assertException(failure -> {
                Throwable cause = failure;
                while (cause != null && !(cause instanceof ConfigurationException)) {
                    cause = cause.getCause();
                }
                assertTrue(cause != null, () -> "not a ConfigurationException: " + failure);
                String message = cause.getMessage();
                assertTrue(message.contains("The outbox's schema is incomplete in datasource '<default>': missing"
                        + " column module_events_outbox.service, column module_events_outbox.receiver, column"
                        + " module_events_outbox.remote, column module_events_outbox.last_error, column"
                        + " module_events_outbox.lease_owner, column module_events_outbox.lease_until, column"
                        + " module_events_outbox.traceparent, column module_events_outbox.tracestate, table"
                        + " module_events_inbox"), message);
                assertTrue(message.contains("quarkus.module-events.outbox.schema-management=create"), message);
            });

    @Test
    void failsTheStart() {
        fail("the start should have failed");
    }
}
