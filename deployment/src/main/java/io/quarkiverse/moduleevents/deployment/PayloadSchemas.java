package io.quarkiverse.moduleevents.deployment;

import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Set;
import java.util.stream.Stream;

import com.fasterxml.classmate.ResolvedType;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.MethodScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerationContext;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;

/**
 * Derives the JSON Schema (2020-12) of a payload type from its class, as Jackson writes it: record components and
 * fields (with their getters), named and filtered by Jackson's annotations; nested types as {@code $defs}, referenced
 * with {@code $ref}; {@code java.time} types and UUIDs as strings with their formats; maps as objects whose
 * {@code additionalProperties} is the value's schema; durations as numbers of seconds, unless the application's
 * {@code ObjectMapper} writes them as ISO strings (both as Quarkus's {@code quarkus.jackson} settings say); enums as their
 * constants' names or {@code @JsonProperty}. A property is
 * required when its type is primitive or it is
 * annotated {@code @NotNull}, {@code @Nonnull} or {@code @NonNull} (any package); any other is nullable, unless
 * {@code @JsonInclude} leaves it out of the JSON instead of writing {@code null}.
 * <p>
 * The class is loaded by the build's class loader without being initialised: no application code runs.
 */
final class PayloadSchemas {

    private static final Set<String> NOT_NULL = Set.of("NotNull", "Nonnull", "NonNull");
    private static final Set<Class<?>> ZONED_DATES = Set.of(Instant.class, OffsetDateTime.class, ZonedDateTime.class);
    private static final Set<Class<?>> LOCAL_DATES = Set.of(LocalDate.class, LocalDateTime.class, LocalTime.class);

    private final SchemaGenerator generator;

    /**
     * @param datesAsTimestamps whether the application's {@code ObjectMapper} writes dates as numbers (instants) and
     *        arrays (local dates and times), {@code quarkus.jackson.write-dates-as-timestamps}
     * @param durationsAsTimestamps whether it writes durations as numbers of seconds,
     *        {@code quarkus.jackson.write-durations-as-timestamps}
     */
    PayloadSchemas(boolean datesAsTimestamps, boolean durationsAsTimestamps) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES,
                        Option.NULLABLE_FIELDS_BY_DEFAULT);
        config.forTypesInGeneral().withCustomDefinitionProvider(PayloadSchemas::enumConstants)
                .withCustomDefinitionProvider((type, context) -> timestamp(type, context, datesAsTimestamps,
                        durationsAsTimestamps));
        config.forFields()
                .withRequiredCheck(PayloadSchemas::required)
                .withNullableCheck(field -> !required(field) && !leftOutWhenNull(field));
        generator = new SchemaGenerator(config.build());
    }

    /**
     * @return the schema of that payload class, with {@code $schema} and its {@code $defs}
     */
    ObjectNode schemaOf(Class<?> payloadType) {
        return generator.generateSchema(payloadType);
    }

    /**
     * An enum as the strings Jackson writes for its constants: each constant's name or its {@code @JsonProperty},
     * read from the constants' fields, since reading the constants themselves would initialise the class.
     */
    private static CustomDefinition enumConstants(ResolvedType type, SchemaGenerationContext context) {
        Class<?> erased = type.getErasedType();
        if (!erased.isEnum()) {
            return null;
        }
        ObjectNode definition = context.getGeneratorConfig().createObjectNode().put("type", "string");
        ArrayNode constants = definition.putArray("enum");
        for (Field field : erased.getDeclaredFields()) {
            if (field.isEnumConstant()) {
                JsonProperty property = field.getAnnotation(JsonProperty.class);
                constants.add(property == null || property.value().isEmpty() ? field.getName() : property.value());
            }
        }
        return new CustomDefinition(definition);
    }

    private static CustomDefinition timestamp(ResolvedType type, SchemaGenerationContext context,
            boolean datesAsTimestamps, boolean durationsAsTimestamps) {
        Class<?> erased = type.getErasedType();
        ObjectNode definition = context.getGeneratorConfig().createObjectNode();
        if (erased == Duration.class && durationsAsTimestamps
                || datesAsTimestamps && ZONED_DATES.contains(erased)) {
            definition.put("type", "number");
        } else if (datesAsTimestamps && LOCAL_DATES.contains(erased)) {
            definition.put("type", "array").putObject("items").put("type", "integer");
        } else {
            return null;
        }
        return new CustomDefinition(definition);
    }

    private static boolean required(FieldScope field) {
        return field.getType().isPrimitive() || annotations(field).anyMatch(
                annotation -> NOT_NULL.contains(annotation.annotationType().getSimpleName()));
    }

    private static boolean leftOutWhenNull(FieldScope field) {
        JsonInclude include = field.getAnnotationConsideringFieldAndGetter(JsonInclude.class);
        if (include == null) {
            include = field.getDeclaringType().getErasedType().getAnnotation(JsonInclude.class);
        }
        return include != null && include.value() != JsonInclude.Include.ALWAYS
                && include.value() != JsonInclude.Include.USE_DEFAULTS;
    }

    private static Stream<Annotation> annotations(FieldScope field) {
        MethodScope getter = field.findGetter();
        Stream<AnnotatedElement> members = getter == null ? Stream.of(field.getRawMember())
                : Stream.of(field.getRawMember(), getter.getRawMember());
        return members.flatMap(member -> Stream.of(member.getAnnotations()));
    }
}
