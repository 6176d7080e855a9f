package io.quarkiverse.moduleevents.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The schema derived for each construct a payload type may use.
 */
class PayloadSchemasTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final PayloadSchemas SCHEMAS = new PayloadSchemas(false, false);

    public enum Plan {
        FREE,
        @JsonProperty("pro")
        PROFESSIONAL
    }

    public record Address(String street, @NotNull String city) {
    }

    public record Folder(String name, List<Folder> children) {
    }

    public record Account(long id, boolean active, Integer visits, @NotNull String email,
            @jakarta.annotation.Nonnull String name, String nickname, @JsonProperty("e_mail") String contact,
            @JsonIgnore String password, Plan plan, Address home, List<Address> addresses, Set<String> tags,
            Map<String, Integer> scores, Optional<String> referrer, int[] codes, BigDecimal balance,
            Instant created, OffsetDateTime updated, LocalDate birthday, LocalTime wakesUp, Duration session,
            UUID key, Folder root) {
    }

    public static class Bean {
        private String title;
        private int pages;
        public String publicField;

        public String getTitle() {
            return title;
        }

        public void setTitle(String title) {
            this.title = title;
        }

        public int getPages() {
            return pages;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sparse(String note, @JsonInclude(JsonInclude.Include.ALWAYS) String always) {
    }

    @Test
    void aRecordIsAnObjectOfItsComponentsInTheDraft2020_12() {
        JsonNode schema = schema(Account.class);

        assertEquals("https://json-schema.org/draft/2020-12/schema", schema.get("$schema").asText());
        assertEquals("object", schema.get("type").asText());
        assertEquals(List.of("active", "addresses", "balance", "birthday", "codes", "created", "e_mail", "email",
                "home", "id", "key", "name", "nickname", "plan", "referrer", "root", "scores", "session", "tags",
                "updated", "visits", "wakesUp"), names(schema.get("properties")));
    }

    @Test
    void primitivesAndNotNullOrNonnullAreRequiredAndNotNullable() {
        JsonNode schema = schema(Account.class);

        assertEquals(List.of("active", "email", "id", "name"), texts(schema.get("required")));
        assertEquals("integer", type(schema, "id"));
        assertEquals("int64", property(schema, "id").get("format").asText());
        assertEquals("boolean", type(schema, "active"));
        assertEquals("string", type(schema, "email"));
        assertEquals("[\"integer\",\"null\"]", type(schema, "visits"), "a boxed number may be null");
        assertEquals("[\"string\",\"null\"]", type(schema, "nickname"));
    }

    @Test
    void jacksonNamesAndIgnoresProperties() {
        JsonNode properties = schema(Account.class).get("properties");

        assertEquals("[\"string\",\"null\"]", properties.get("e_mail").get("type").toString());
        assertNull(properties.get("contact"), "@JsonProperty renames it");
        assertNull(properties.get("password"), "@JsonIgnore leaves it out");
    }

    @Test
    void enumsListTheirConstantsAsJacksonWritesThem() {
        JsonNode plan = property(schema(Account.class), "plan");

        assertEquals("null", plan.get("anyOf").get(0).get("type").asText());
        assertEquals("[\"FREE\",\"pro\"]", plan.get("anyOf").get(1).get("enum").toString());
    }

    @Test
    void nestedTypesAreDefinitionsAndRecursiveOnesReferThemselves() {
        JsonNode schema = schema(Account.class);
        JsonNode definitions = schema.get("$defs");

        assertEquals("#/$defs/Address", property(schema, "home").get("anyOf").get(1).get("$ref").asText());
        assertEquals("#/$defs/Address", property(schema, "addresses").get("items").get("$ref").asText());
        assertEquals(List.of("city"), texts(definitions.get("Address").get("required")));
        assertEquals("#/$defs/Folder", definitions.get("Folder").get("properties").get("children").get("items")
                .get("$ref").asText());
    }

    @Test
    void collectionsAreArraysAndMapsObjectsOfTheirValues() {
        JsonNode schema = schema(Account.class);

        assertEquals("string", property(schema, "tags").get("items").get("type").asText());
        assertEquals("integer", property(schema, "codes").get("items").get("type").asText());
        assertEquals("[\"object\",\"null\"]", type(schema, "scores"));
        assertEquals("integer", property(schema, "scores").get("additionalProperties").get("type").asText());
    }

    @Test
    void timeTypesAndUuidsAreStringsWithTheirFormats() {
        JsonNode schema = schema(Account.class);

        assertEquals("date-time", property(schema, "created").get("format").asText());
        assertEquals("date-time", property(schema, "updated").get("format").asText());
        assertEquals("date", property(schema, "birthday").get("format").asText());
        assertEquals("time", property(schema, "wakesUp").get("format").asText());
        assertEquals("duration", property(schema, "session").get("format").asText());
        assertEquals("uuid", property(schema, "key").get("format").asText());
        for (String name : List.of("created", "updated", "birthday", "wakesUp", "session", "key")) {
            assertEquals("[\"string\",\"null\"]", type(schema, name), name);
        }
    }

    @Test
    void timestampsAreNumbersAndArraysWhenTheObjectMapperWritesThemSo() {
        JsonNode schema = new PayloadSchemas(true, true).schemaOf(Account.class);

        assertEquals("number", typeBesideNull(property(schema, "created")));
        assertEquals("number", typeBesideNull(property(schema, "updated")));
        assertEquals("array", typeBesideNull(property(schema, "birthday")));
        assertEquals("number", typeBesideNull(property(schema, "session")));
        assertEquals("string", typeBesideNull(property(schema, "key")));
    }

    @Test
    void anOptionalIsItsValueOrNull() {
        assertEquals("[\"string\",\"null\"]", type(schema(Account.class), "referrer"));
    }

    @Test
    void aBeanIsAnObjectOfItsPropertiesAndPublicFields() {
        JsonNode schema = schema(Bean.class);

        assertEquals(List.of("pages", "publicField", "title"), names(schema.get("properties")));
        assertEquals(List.of("pages"), texts(schema.get("required")));
    }

    @Test
    void jsonIncludeThatLeavesNullsOutMakesThePropertyOptionalButNotNullable() {
        JsonNode schema = schema(Sparse.class);

        assertEquals("string", type(schema, "note"), "left out when null, never written as null");
        assertEquals("[\"string\",\"null\"]", type(schema, "always"));
        assertFalse(schema.has("required"));
    }

    private static JsonNode schema(Class<?> type) {
        return SCHEMAS.schemaOf(type);
    }

    private static JsonNode property(JsonNode schema, String name) {
        return schema.get("properties").get(name);
    }

    private static String type(JsonNode schema, String name) {
        JsonNode type = property(schema, name).get("type");
        return type.isTextual() ? type.asText() : type.toString();
    }

    /**
     * @return the type a nullable property has when it is not null, however the schema says "or null"
     */
    private static String typeBesideNull(JsonNode property) {
        List<JsonNode> alternatives = new java.util.ArrayList<>();
        if (property.has("anyOf")) {
            property.get("anyOf").forEach(alternatives::add);
        } else {
            alternatives.add(property);
        }
        for (JsonNode alternative : alternatives) {
            JsonNode type = alternative.get("type");
            for (JsonNode name : type.isArray() ? type : List.of(type)) {
                if (!name.asText().equals("null")) {
                    return name.asText();
                }
            }
        }
        throw new AssertionError("Only null: " + property);
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new java.util.ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names.stream().sorted().toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new java.util.ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts.stream().sorted().toList();
    }
}
