package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkiverse.moduleevents.outbox.deployment.OutboxDeploymentException.DurableWithoutPayloadException;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A durable receiver of an exact name, of a pattern and of a whole module, each naming the events it receives that
 * declare no payload; a durable receiver of the module's event with a payload is fine.
 */
class DurableWithoutPayloadTest {

    private static final String FIX = "]; the outbox stores a durable receiver's payload as JSON and decodes it into the"
            + " event's @Payload type: declare @Payload on ";
    private static final String INTERFACE = LedgerEvents.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(LedgerEvents.class, Order.class, Ledger.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:durable-without-payload")
            .assertException(BuildProblems.expectMessages(DurableWithoutPayloadException.class,
                    "@Durable receiver receives events that declare no @Payload: " + Ledger.class.getName()
                            + "#everyCheck(Object) [events: ledger:balance:checked (" + INTERFACE
                            + "#BALANCE_CHECKED), ledger:entry:checked (" + INTERFACE + "#ENTRY_CHECKED)" + FIX
                            + "those constants, observe only events that declare one, or remove @Durable",
                    "@Durable receiver receives events that declare no @Payload: " + Ledger.class.getName()
                            + "#everyLedgerEvent(Object) [events: ledger:balance:checked (" + INTERFACE
                            + "#BALANCE_CHECKED), ledger:entry:checked (" + INTERFACE + "#ENTRY_CHECKED)" + FIX
                            + "those constants, observe only events that declare one, or remove @Durable",
                    "@Durable receiver receives events that declare no @Payload: " + Ledger.class.getName()
                            + "#onEntryChecked(Object) [events: ledger:entry:checked (" + INTERFACE
                            + "#ENTRY_CHECKED)" + FIX
                            + "that constant, observe only events that declare one, or remove @Durable"));

    @Test
    void failsTheBuild() {
        fail("the build should have failed");
    }

    static class Ledger {

        @Durable
        void onEntryBooked(@Observes @Named(LedgerEvents.ENTRY_BOOKED) Order order) {
        }

        @Durable
        void onEntryChecked(@Observes @Named(LedgerEvents.ENTRY_CHECKED) Object check) {
        }

        @Durable
        void everyCheck(@Observes @Named("ledger:*:checked") Object check) {
        }

        @Durable
        void everyLedgerEvent(@Observes @EventModule("ledger") Object event) {
        }
    }
}
