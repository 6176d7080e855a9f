package io.quarkiverse.moduleevents.outbox.nobroker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.agroal.api.AgroalDataSource;
import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Durable receivers need a datasource, and neither a broker nor a connector: this application has no messaging
 * connector on its class path and no channel configured.
 */
class DurableReceiverWithoutBrokerTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(TicketEvents.class, Ticket.class, Helpdesk.class))
            .overrideConfigKey("quarkus.application.name", "helpdesk")
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:no-broker;DB_CLOSE_DELAY=-1");

    @Inject
    TicketEvents tickets;

    @Inject
    Helpdesk helpdesk;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void deliversADurableReceiverAfterTheCommit() throws SQLException {
        QuarkusTransaction.requiringNew().run(() -> {
            tickets.send(TicketEvents.TICKET_OPENED, new Ticket("t-1", "printer on fire"));
            assertEquals(List.of(), helpdesk.opened, "not called during the send");
        });

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> !helpdesk.opened.isEmpty() && outboxRows() == 0);
        assertEquals(List.of(new Ticket("t-1", "printer on fire")), helpdesk.opened);
    }

    /** the records left, which the delivery deletes in the receiver's transaction */
    private long outboxRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM module_events_outbox")) {
            result.next();
            return result.getLong(1);
        }
    }

    @Singleton
    public static class Helpdesk {

        final List<Ticket> opened = new CopyOnWriteArrayList<>();

        @Durable
        void onOpened(@Observes @Named(TicketEvents.TICKET_OPENED) Ticket ticket) {
            opened.add(ticket);
        }
    }
}
