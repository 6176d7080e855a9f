package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.moduleevents.test.devmode.ShopEvents;
import io.quarkiverse.moduleevents.test.devmode.ShopRoutes;
import io.quarkiverse.moduleevents.test.devmode.Warehouse;
import io.quarkus.test.QuarkusDevModeTest;

/**
 * The Dev UI card gets the catalog and the flow diagram as build-time data.
 */
class DevUIBuildTimeDataTest extends io.quarkus.devui.tests.DevUIBuildTimeDataTest {

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClasses(ShopEvents.class, ShopRoutes.class, Warehouse.class));

    DevUIBuildTimeDataTest() {
        super("quarkus-module-events");
    }

    @Test
    void theCardHasEveryModuleEventWithItsReceivers() throws Exception {
        JsonNode modules = getBuildTimeData("modules");

        assertEquals(1, modules.size());
        JsonNode event = modules.get(0).get("events").get(0);
        assertEquals("shop:order:placed", event.get("name").asText());
        assertEquals(Warehouse.class.getName() + "#reserve", event.get("receivers").get(0).get("method").asText());
        assertEquals(ShopRoutes.class.getName() + "#register", event.get("senders").get(0).asText());
        assertEquals("sendRobust", event.get("sends").get(0).get("with").asText());
        assertEquals("shop", event.get("receivers").get(0).get("module").asText());
        assertTrue(event.get("receivers").get(0).get("runs").asBoolean());
    }

    @Test
    void theCardHasTheFlowDiagram() throws Exception {
        String diagram = getBuildTimeData("diagram").asText();

        assertEquals("""
                flowchart LR
                    m0["shop"]
                    m0 --> e1(["shop:order:placed"])
                    e1 --> m0["shop"]
                """, diagram);
    }
}
