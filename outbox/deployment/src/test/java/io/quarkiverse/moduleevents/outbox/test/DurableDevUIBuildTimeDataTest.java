package io.quarkiverse.moduleevents.outbox.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Named;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.moduleevents.outbox.Durable;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The Dev UI card of module events gets the durable receivers marked, in the catalog behind its Events page and in
 * the Mermaid diagram of its Flow page.
 */
class DurableDevUIBuildTimeDataTest extends io.quarkus.devui.tests.DevUIBuildTimeDataTest {

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClasses(OrderEvents.class, Order.class, Shipping.class)
                    .addAsResource(new StringAsset("quarkus.datasource.db-kind=h2\n"
                            + "quarkus.datasource.jdbc.url=jdbc:h2:mem:durable-dev-ui\n"), "application.properties"));

    DurableDevUIBuildTimeDataTest() {
        super("quarkus-module-events");
    }

    @Test
    void theEventsPageGetsWhichReceiversAreDurable() throws Exception {
        JsonNode receivers = getBuildTimeData("modules").get(0).get("events").get(0).get("receivers");

        assertEquals(List.of(Shipping.class.getName() + "#countOrder", Shipping.class.getName() + "#onOrder"),
                receivers.findValuesAsText("method"));
        assertEquals(List.of("false", "true"), receivers.findValuesAsText("durable"));
    }

    @Test
    void theFlowPageGetsTheDurableArrow() throws Exception {
        String diagram = getBuildTimeData("diagram").asText();

        assertTrue(diagram.endsWith("""
                    e1 --> m0["order"]
                    e1 -->|durable| m0["order"]
                """), diagram);
    }

    static class Shipping {

        @Durable
        void onOrder(@Observes @Named(OrderEvents.ORDER_PLACED) Order order) {
        }

        void countOrder(@Observes @Named(OrderEvents.ORDER_PLACED) Order order) {
        }
    }
}
