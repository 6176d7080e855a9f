package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletionException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkiverse.moduleevents.EventEmitter;
import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.Payload;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The emitter's meters, read from the application's registry after real sends: each test compares the counts before
 * and after what it sends, since the registry lives as long as the application.
 */
class ModuleEventMetersTest {

    private static final String LEDGER = Receivers.class.getName() + "#ledger";
    private static final String MAIL = Receivers.class.getName() + "#mail";
    private static final String ARCHIVE = Receivers.class.getName() + "#archive";

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(BillingEvents.class, Receivers.class, Registry.class));

    @Inject
    @EventModule("billing")
    EventEmitter billing;

    @Inject
    MeterRegistry registry;

    @Test
    void countsEverySendOnce() {
        double before = sent(BillingEvents.INVOICE_ISSUED);

        billing.send(BillingEvents.INVOICE_ISSUED, "i-1");
        billing.sendRobust(BillingEvents.INVOICE_ISSUED, "i-2");
        billing.sendAsync(BillingEvents.INVOICE_ISSUED, "i-3").toCompletableFuture().join();

        assertEquals(before + 3, sent(BillingEvents.INVOICE_ISSUED));
    }

    @Test
    void countsASendWhoseReceiverThrows() {
        double before = sent(BillingEvents.INVOICE_ISSUED);

        assertThrows(IllegalStateException.class, () -> billing.send(BillingEvents.INVOICE_ISSUED, "bad"));

        assertEquals(before + 1, sent(BillingEvents.INVOICE_ISSUED));
    }

    @Test
    void registersTheSentCounterOfEveryDeclaredEventAtStartUp() {
        Counter neverSent = registry.find("module.events.sent").tag("module", "billing")
                .tag("event", BillingEvents.INVOICE_VOIDED).counter();

        assertEquals(0, neverSent.count());
    }

    @Test
    void countsEachFailureThatSendRobustCollects() {
        double ledgerBefore = failures(LEDGER);
        double mailBefore = failures(MAIL);

        assertEquals(2, billing.sendRobust(BillingEvents.INVOICE_ISSUED, "bad").size());

        assertEquals(ledgerBefore + 1, failures(LEDGER));
        assertEquals(mailBefore + 1, failures(MAIL));
    }

    @Test
    void countsTheFailureThatSendThrowsAndNoReceiverAfterIt() {
        double ledgerBefore = failures(LEDGER);
        double mailBefore = failures(MAIL);

        assertThrows(IllegalStateException.class, () -> billing.send(BillingEvents.INVOICE_ISSUED, "bad"));

        assertEquals(ledgerBefore + 1, failures(LEDGER));
        assertEquals(mailBefore, failures(MAIL));
    }

    @Test
    void countsTheFailureOfAnAsynchronousReceiver() {
        double before = failures(ARCHIVE);

        assertThrows(CompletionException.class,
                () -> billing.sendAsync(BillingEvents.INVOICE_ISSUED, "bad").toCompletableFuture().join());

        assertEquals(before + 1, failures(ARCHIVE));
    }

    @Test
    void countsNoFailureWhenEveryReceiverReturns() {
        double ledgerBefore = failures(LEDGER);
        double archiveBefore = failures(ARCHIVE);

        billing.send(BillingEvents.INVOICE_ISSUED, "i-4");
        billing.sendAsync(BillingEvents.INVOICE_ISSUED, "i-5").toCompletableFuture().join();

        assertEquals(ledgerBefore, failures(LEDGER));
        assertEquals(archiveBefore, failures(ARCHIVE));
    }

    private double sent(String event) {
        return registry.get("module.events.sent").tag("module", "billing").tag("event", event).counter().count();
    }

    /**
     * @return 0 before the first send, which resolves the receivers and registers their counters
     */
    private double failures(String receiver) {
        Counter failures = registry.find("module.events.receiver.failures").tag("event", BillingEvents.INVOICE_ISSUED)
                .tag("receiver", receiver).counter();
        return failures == null ? 0 : failures.count();
    }

    @EventModule("billing")
    public interface BillingEvents {
        @Payload(String.class)
        String INVOICE_ISSUED = "billing:invoice:issued";

        @Payload(String.class)
        String INVOICE_VOIDED = "billing:invoice:voided";
    }

    /** quarkus-micrometer alone has no registry that keeps counts: the application adds one, as a registry extension would */
    public static class Registry {

        @Produces
        @Singleton
        SimpleMeterRegistry simple() {
            return new SimpleMeterRegistry();
        }
    }

    @ApplicationScoped
    public static class Receivers {

        void ledger(@Observes @Priority(1) @Named(BillingEvents.INVOICE_ISSUED) String invoice) {
            refuseBad(invoice, "ledger");
        }

        void mail(@Observes @Priority(2) @Named(BillingEvents.INVOICE_ISSUED) String invoice) {
            refuseBad(invoice, "mail");
        }

        void archive(@ObservesAsync @Named(BillingEvents.INVOICE_ISSUED) String invoice) {
            refuseBad(invoice, "archive");
        }

        void voided(@Observes @Named(BillingEvents.INVOICE_VOIDED) String invoice) {
        }

        private static void refuseBad(String invoice, String receiver) {
            if (invoice.equals("bad")) {
                throw new IllegalStateException(receiver + " refuses invoice " + invoice);
            }
        }
    }
}
