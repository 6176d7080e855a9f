package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.fail;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkiverse.moduleevents.messaging.EventSubject;
import io.quarkiverse.moduleevents.messaging.deployment.ModuleEventsMessagingDeploymentException.AmbiguousEventSubjectException;
import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkiverse.moduleevents.testsupport.BuildProblems;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A payload type with two {@code @EventSubject} members, of an event both bridged and received by a durable receiver,
 * is reported once: by the bridge, not again by the outbox.
 */
class DurableAmbiguousEventSubjectTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(InvoiceEvents.class, Invoice.class, Accounting.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:durable-ambiguous-subject")
            .overrideConfigKey("quarkus.module-events.messaging.outgoing.invoice-out.events", InvoiceEvents.ISSUED)
            .overrideConfigKey("mp.messaging.outgoing.invoice-out.connector", "smallrye-in-memory")
            .assertException(BuildProblems.expect(AmbiguousEventSubjectException.class,
                    "Payload type has more than one @EventSubject member: " + Invoice.class.getName(),
                    "#customer", "#number"));

    @Test
    void failsTheBuildWithOneProblem() {
        fail("the build should have failed");
    }

    @EventModule("invoice")
    public interface InvoiceEvents extends EventEmitter {

        @Payload(Invoice.class)
        String ISSUED = "invoice:invoice:issued";
    }

    public record Invoice(@EventSubject String number, @EventSubject String customer) {
    }

    static class Accounting {

        @Durable
        void onIssued(@Observes @Named(InvoiceEvents.ISSUED) Invoice invoice) {
        }
    }
}
