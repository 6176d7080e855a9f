package io.quarkiverse.moduleevents.test;

import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.moduleevents.test.devmode.ShopEvents;
import io.quarkiverse.moduleevents.test.devmode.ShopRoutes;
import io.quarkiverse.moduleevents.test.devmode.Warehouse;
import io.quarkus.devui.tests.DevUIJsonRPCTest;
import io.quarkus.test.QuarkusDevModeTest;
import io.restassured.RestAssured;

/**
 * The live page's data source returns the events sent in dev mode, with the receivers that ran and failed.
 */
class DevUISentEventsTest extends DevUIJsonRPCTest {

    @RegisterExtension
    static final QuarkusDevModeTest test = new QuarkusDevModeTest()
            .withApplicationRoot(root -> root.addClasses(ShopEvents.class, ShopRoutes.class, Warehouse.class));

    DevUISentEventsTest() {
        super("quarkus-module-events");
    }

    @Test
    void sentEventsIsNoBeanInDevMode() {
        RestAssured.get("/sent-events-is-a-bean").then().statusCode(200).body(is("false"));
    }

    @Test
    void sentEventsAreListedNewestFirstWithTheirReceivers() throws Exception {
        RestAssured.post("/orders/o-1").then().statusCode(200);
        RestAssured.post("/orders/poison").then().statusCode(200);

        JsonNode events = executeJsonRPCMethod("getSentEvents");

        assertEquals(2, events.size(), events::toString);
        JsonNode poison = events.get(0);
        assertEquals("shop:order:placed", poison.get("name").asText());
        assertEquals("shop", poison.get("module").asText());
        assertEquals("poison", poison.get("payload").asText());
        JsonNode receiver = poison.get("receivers").get(0);
        assertEquals(Warehouse.class.getName() + "#reserve", receiver.get("method").asText());
        assertTrue(receiver.get("error").asText().contains("out of stock"), receiver::toString);
        JsonNode first = events.get(1);
        assertEquals("o-1", first.get("payload").asText());
        JsonNode noError = first.get("receivers").get(0).get("error");
        assertTrue(noError == null || noError.isNull(), first::toString);
    }
}
