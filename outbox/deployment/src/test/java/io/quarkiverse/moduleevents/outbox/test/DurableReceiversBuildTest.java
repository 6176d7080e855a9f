package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.moduleevents.EventModule;
import io.quarkiverse.moduleevents.messaging.Remote;
import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkiverse.moduleevents.outbox.runtime.DurableReceiverSet;
import io.quarkiverse.moduleevents.testsupport.BuildOutput;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Durable receivers of an exact name, a pattern, a whole module and of {@code @Remote} events build: the runtime gets
 * them as {@code class#method}, and the catalog marks them durable. The event is sent only with {@code sendAsync},
 * which the outbox records for durable receivers too: in the catalog they run, an ordinary {@code @Observes} receiver
 * does not. A durable receiver that requires {@code @Remote} is in the catalog too, marked remote: it never runs here,
 * as no broker channel brings the event in.
 */
class DurableReceiversBuildTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SHIPPING = Shipping.class.getName();

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .addBootstrapCustomizer(bootstrap -> bootstrap
                    .setTargetDirectory(BuildOutput.fresh(DurableReceiversBuildTest.class)))
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Shipping.class,
                    Checkout.class))
            .overrideConfigKey("quarkus.datasource.db-kind", "h2")
            .overrideConfigKey("quarkus.datasource.jdbc.url", "jdbc:h2:mem:durable-receivers-build");

    @Inject
    DurableReceiverSet durableReceivers;

    @Test
    void theRuntimeGetsEveryDurableReceiver() {
        assertEquals(Set.of(SHIPPING + "#onOrder", SHIPPING + "#everyPlacement", SHIPPING + "#everyOrderEvent",
                SHIPPING + "#onRemoteOrder"), durableReceivers.receivers());
    }

    @Test
    void theCatalogMarksTheDurableReceivers() throws IOException {
        JsonNode receivers = catalog().get("modules").get(0).get("events").get(0).get("receivers");

        assertEquals(List.of(SHIPPING + "#countOrder", SHIPPING + "#everyOrderEvent", SHIPPING + "#everyPlacement",
                SHIPPING + "#onOrder", SHIPPING + "#onRemoteOrder"), receivers.findValuesAsText("method"));
        assertEquals(List.of("false", "true", "true", "true", "true"), receivers.findValuesAsText("durable"));
        assertEquals(List.of("false", "true", "true", "true", "false"), receivers.findValuesAsText("runs"));
        assertEquals(List.of("false", "false", "false", "false", "true"), receivers.findValuesAsText("remote"));
    }

    @Test
    void theMarkdownPageMarksTheDurableReceiversAndTheirArrow() throws IOException {
        String page = Files.readString(BuildOutput.moduleEventsFile(DurableReceiversBuildTest.class, "catalog.md"));

        assertTrue(page.contains("""
                flowchart LR
                    m0["order"]
                    m0 --> e1(["order:order:placed"])
                    e1 -->|durable| m0["order"]
                ```
                """), page);
        assertTrue(page.contains("`" + SHIPPING + "#onOrder (sync, priority 2500, durable)`"), page);
        assertTrue(page.contains("`" + SHIPPING + "#countOrder (sync, priority 2500, never runs: not sent with send or"
                + " sendRobust)`"), page);
        assertTrue(page.contains("`" + SHIPPING + "#onRemoteOrder (sync, priority 2500, durable, remote, never runs: no"
                + " broker channel brings it in)`"), page);
    }

    private static JsonNode catalog() throws IOException {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/module-events/catalog.json")) {
            return JSON.readTree(in);
        }
    }

    @ApplicationScoped
    static class Shipping {

        @Durable
        void onOrder(@Observes @Named(OrderEvents.ORDER_PLACED) Order order) {
        }

        @Durable
        void everyPlacement(@Observes @Named("order:*:placed") Order order) {
        }

        @Durable
        void everyOrderEvent(@Observes @EventModule("order") Object event) {
        }

        @Durable
        void onRemoteOrder(@Observes @Remote @Named(OrderEvents.ORDER_PLACED) Order order) {
        }

        void countOrder(@Observes @Named(OrderEvents.ORDER_PLACED) Order order) {
        }
    }

    @ApplicationScoped
    static class Checkout {

        @Inject
        OrderEvents events;

        void checkout(Order order) {
            events.sendAsync(OrderEvents.ORDER_PLACED, order);
        }
    }
}
