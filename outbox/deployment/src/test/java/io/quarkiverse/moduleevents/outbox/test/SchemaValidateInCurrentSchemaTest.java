package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.runtime.configuration.ConfigurationException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code schema-management=validate} looks at the schema the outbox's statements use, the connection's current one:
 * complete tables of the same names in another schema do not make it pass.
 */
class SchemaValidateInCurrentSchemaTest {

    private static final String URL = SharedPostgres.url("schema_check");

    static {
        try (Connection connection = DriverManager.getConnection(URL, "postgres", "postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS elsewhere CASCADE");
            statement.execute("DROP SCHEMA IF EXISTS app CASCADE");
            statement.execute("CREATE SCHEMA elsewhere");
            statement.execute("CREATE SCHEMA app");
            statement.execute("CREATE TABLE elsewhere.module_events_outbox (id UUID, seq BIGINT, channel TEXT,"
                    + " event_name TEXT, module TEXT, source TEXT, subject TEXT, payload BYTEA,"
                    + " created_at TIMESTAMPTZ, status TEXT, attempts INTEGER, next_attempt_at TIMESTAMPTZ,"
                    + " last_error TEXT, published_at TIMESTAMPTZ)");
            statement.execute("CREATE TABLE elsewhere.module_events_inbox (source TEXT, id TEXT,"
                    + " received_at TIMESTAMPTZ)");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, SharedPostgres.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "postgresql")
            .overrideConfigKey("quarkus.datasource.jdbc.url", URL + "?currentSchema=app")
            .overrideConfigKey("quarkus.datasource.username", "postgres")
            .overrideConfigKey("quarkus.datasource.password", "postgres")
            .overrideConfigKey("quarkus.module-events.outbox.schema-management", "validate")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.order-out.events", "order:order:placed")
            .overrideConfigKey("quarkus.module-events.messaging.source", "shop")
            .overrideConfigKey("mp.messaging.outgoing.order-out.connector", "smallrye-in-memory")
            .assertException(BuildProblems.expect(ConfigurationException.class, "The outbox's schema is incomplete"
                    + " in datasource '<default>': missing table module_events_outbox, table module_events_inbox"));

    @Test
    void failsTheStart() {
        fail("the start should have failed");
    }
}
