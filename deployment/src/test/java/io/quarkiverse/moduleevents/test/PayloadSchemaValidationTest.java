package io.quarkiverse.moduleevents.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import io.quarkiverse.moduleevents.test.contracts.Category;
import io.quarkiverse.moduleevents.test.contracts.PlacedOrder;
import io.quarkiverse.moduleevents.test.contracts.PlacedOrder.Line;
import io.quarkiverse.moduleevents.test.contracts.PlacedOrder.Status;
import io.quarkiverse.moduleevents.test.contracts.ShopEvents;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The schema each event gets in the catalog the application ships validates what the application's own
 * {@code ObjectMapper} writes for its payloads (formats asserted), and rejects what breaks it.
 */
class PayloadSchemaValidationTest {

    @RegisterExtension
    static final QuarkusUnitTest config = new QuarkusUnitTest()
            .withApplicationRoot(root -> root.addClasses(ShopEvents.class, PlacedOrder.class, Line.class, Status.class,
                    Category.class));

    @Inject
    ObjectMapper mapper;

    @Test
    void theSchemasValidateWhatTheApplicationWrites() throws Exception {
        PlacedOrder full = new PlacedOrder(42, "ada", new BigDecimal("19.90"), "not for the customer", Status.PAID,
                List.of(new Line("sku-1", 2)), Map.of("sku-1", 2), Optional.of("WELCOME"),
                Instant.parse("2026-12-03T10:15:30.123Z"), LocalDate.of(2026, 12, 24), Duration.ofHours(2),
                UUID.randomUUID(), "happy holidays");
        PlacedOrder sparse = new PlacedOrder(43, "grace", null, null, null, null, null, Optional.empty(), null, null,
                null, null, null);
        Category root = new Category();
        root.setName("books");
        Category child = new Category();
        child.setName("novels");
        child.parent = new Category();
        child.parent.setName("books");
        root.setChildren(List.of(child));

        assertEquals(Set.of(), validate(ShopEvents.ORDER_PLACED, mapper.writeValueAsString(full)));
        assertEquals(Set.of(), validate(ShopEvents.ORDER_PLACED, mapper.writeValueAsString(sparse)));
        assertEquals(Set.of(), validate(ShopEvents.CATEGORY_CREATED, mapper.writeValueAsString(root)));
    }

    @Test
    void theSchemasRejectWhatBreaksThem() throws Exception {
        PlacedOrder order = new PlacedOrder(44, "alan", BigDecimal.TEN, null, Status.NEW, List.of(new Line("sku-2", 1)),
                Map.of(), Optional.empty(), Instant.now(), null, null, null, null);
        ObjectNode written = (ObjectNode) mapper.readTree(mapper.writeValueAsString(order));

        assertFalse(validate(ShopEvents.ORDER_PLACED, written.deepCopy().put("status", "PAID").toString()).isEmpty(),
                "Jackson writes PAID as paid");
        assertFalse(validate(ShopEvents.ORDER_PLACED, written.deepCopy().put("placedAt", "yesterday").toString())
                .isEmpty(), "not a date-time");
        ObjectNode withoutCustomer = written.deepCopy();
        withoutCustomer.remove("customer");
        assertFalse(validate(ShopEvents.ORDER_PLACED, withoutCustomer.toString()).isEmpty(), "@NotNull: required");
        ObjectNode lineWithoutQuantity = written.deepCopy();
        ((ObjectNode) lineWithoutQuantity.get("lines").get(0)).remove("quantity");
        assertFalse(validate(ShopEvents.ORDER_PLACED, lineWithoutQuantity.toString()).isEmpty(), "a primitive: required");
        assertFalse(validate(ShopEvents.ORDER_PLACED, written.deepCopy().putNull("giftMessage").toString()).isEmpty(),
                "@JsonInclude(NON_NULL) leaves it out, never null");
    }

    @Test
    void anEventWithoutPayloadHasNoSchema() throws IOException {
        JsonNode event = event(ShopEvents.SHOP_OPENED);

        assertTrue(event.has("schema"));
        assertTrue(event.get("schema").isNull());
    }

    private Set<ValidationMessage> validate(String eventName, String json) throws IOException {
        SchemaValidatorsConfig formatsAsserted = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
        JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(event(eventName).get("schema"), formatsAsserted);
        return schema.validate(mapper.readTree(json));
    }

    private JsonNode event(String eventName) throws IOException {
        try (InputStream catalog = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/module-events/catalog.json")) {
            for (JsonNode module : new ObjectMapper().readTree(catalog).get("modules")) {
                for (JsonNode event : module.get("events")) {
                    if (event.get("name").asText().equals(eventName)) {
                        return event;
                    }
                }
            }
        }
        throw new AssertionError("No event " + eventName + " in the catalog");
    }
}
