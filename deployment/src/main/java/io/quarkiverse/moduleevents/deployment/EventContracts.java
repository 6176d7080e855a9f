package io.quarkiverse.moduleevents.deployment;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogEvent;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogModule;

/**
 * Compares the bridged events of a build with those of a baseline catalog (the {@code catalog.json} of a release
 * already deployed) and describes each change that breaks a service already deployed. An outgoing event must stay
 * readable by the consumers already deployed, which read it with the baseline's schema: removing, renaming or retyping
 * a field, or adding an enum constant, breaks them. An incoming event must stay able to read what the producers
 * already deployed send, which they write with the baseline's schema: a new required field, a field made required,
 * renamed or retyped, or an enum constant removed, breaks it. Removing a bridged event, or no longer carrying it over a
 * channel in a direction it was carried in, breaks both. Adding an optional field or a new event does not break, nor
 * removing a field from an incoming event.
 */
final class EventContracts {

    private EventContracts() {
    }

    /**
     * One change that breaks a service already deployed.
     *
     * @param event the event's name
     * @param side what reads what: who is broken and why
     * @param path the field's path in the payload ({@code lines[].sku}), empty for the event itself
     * @param change what changed
     * @param rule the rule the change breaks
     */
    record ContractBreak(String event, String side, String path, String change, String rule) {

        String describe() {
            return "`" + event + "` " + side + ": " + (path.isEmpty() ? "" : "field `" + path + "` ") + change
                    + " (rule: " + rule + ")";
        }
    }

    private enum Direction {
        OUTGOING("goes out on %s, read by consumers already deployed with the baseline's schema"),
        INCOMING("comes in from %s, written by producers already deployed with the baseline's schema");

        private final String side;

        Direction(String side) {
            this.side = side;
        }

        String side(List<String> channels) {
            return side.formatted((channels.size() == 1 ? "channel " : "channels ") + String.join(", ", channels));
        }
    }

    /**
     * @param baseline the baseline catalog
     * @param catalog this build's catalog
     * @param schemas this build's payload schemas
     * @return the breaking changes, by event (in the baseline's order) and path
     */
    static List<ContractBreak> breaks(JsonNode baseline, EventCatalogBuildItem catalog, PayloadSchemasBuildItem schemas) {
        Map<String, CatalogEvent> current = new LinkedHashMap<>();
        for (CatalogModule module : catalog.modules()) {
            module.events().forEach(event -> current.put(event.name(), event));
        }
        List<ContractBreak> breaks = new ArrayList<>();
        for (JsonNode module : baseline.path("modules")) {
            for (JsonNode old : module.path("events")) {
                String name = old.path("name").asText();
                List<String> oldOutgoing = texts(old.path("outgoing"));
                List<String> oldIncoming = texts(old.path("incoming"));
                if (oldOutgoing.isEmpty() && oldIncoming.isEmpty()) {
                    continue;
                }
                CatalogEvent now = current.get(name);
                if (now == null) {
                    breaks.add(new ContractBreak(name, carried(oldOutgoing, oldIncoming), "",
                            "is no longer declared", "a bridged event may not be removed or renamed"));
                    continue;
                }
                JsonNode newSchema = now.payload() == null ? NullNode.getInstance() : schemas.schemaOf(now.payload());
                JsonNode oldSchema = old.path("schema");
                if (!oldOutgoing.isEmpty()) {
                    check(Direction.OUTGOING, oldOutgoing, now.outgoing(), name, oldSchema, newSchema, breaks);
                }
                if (!oldIncoming.isEmpty()) {
                    check(Direction.INCOMING, oldIncoming, now.incoming(), name, oldSchema, newSchema, breaks);
                }
            }
        }
        return breaks;
    }

    private static void check(Direction direction, List<String> oldChannels, List<String> newChannels, String event,
            JsonNode oldSchema, JsonNode newSchema, List<ContractBreak> breaks) {
        String side = direction.side(oldChannels);
        if (newChannels.isEmpty()) {
            breaks.add(new ContractBreak(event, side, "", direction == Direction.OUTGOING
                    ? "no longer goes out on a channel"
                    : "no longer comes in from a channel", "a bridged event may not be removed or renamed"));
            return;
        }
        new Comparison(direction, event, side, oldSchema, newSchema, breaks).compare(oldSchema, newSchema, "");
    }

    private static String carried(List<String> outgoing, List<String> incoming) {
        List<String> sides = new ArrayList<>();
        if (!outgoing.isEmpty()) {
            sides.add(Direction.OUTGOING.side(outgoing));
        }
        if (!incoming.isEmpty()) {
            sides.add(Direction.INCOMING.side(incoming));
        }
        return String.join(", and ", sides);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    /**
     * The comparison of one event's two schemas, walking both at once from the root, through {@code $ref}s.
     */
    private static final class Comparison {

        private final Direction direction;
        private final String event;
        private final String side;
        private final JsonNode oldRoot;
        private final JsonNode newRoot;
        private final List<ContractBreak> breaks;
        /** pairs of definitions compared already: a type used twice is reported once, a recursive one ends */
        private final Set<String> comparedDefinitions = new HashSet<>();

        Comparison(Direction direction, String event, String side, JsonNode oldRoot, JsonNode newRoot,
                List<ContractBreak> breaks) {
            this.direction = direction;
            this.event = event;
            this.side = side;
            this.oldRoot = oldRoot;
            this.newRoot = newRoot;
            this.breaks = breaks;
        }

        void compare(JsonNode oldNode, JsonNode newNode, String path) {
            String oldRef = ref(oldNode);
            String newRef = ref(newNode);
            if ((oldRef != null || newRef != null) && !comparedDefinitions.add(oldRef + " " + newRef)) {
                return;
            }
            JsonNode oldType = resolve(oldRoot, oldNode);
            JsonNode newType = resolve(newRoot, newNode);
            String oldShape = shape(oldType);
            String newShape = shape(newType);
            if (!oldShape.equals(newShape)) {
                add(path, "changed type from " + oldShape + " to " + newShape,
                        "a field of a bridged event may not change its type");
                return;
            }
            switch (oldShape) {
                case "object" -> compareProperties(oldType, newType, path);
                case "array" -> compare(oldType.path("items"), newType.path("items"), path + "[]");
                case "map" -> compare(oldType.path("additionalProperties"), newType.path("additionalProperties"),
                        path + "{}");
                default -> compareConstants(oldType, newType, path);
            }
        }

        private void compareProperties(JsonNode oldType, JsonNode newType, String path) {
            Map<String, JsonNode> oldProperties = properties(oldType);
            Map<String, JsonNode> newProperties = properties(newType);
            Set<String> oldRequired = new HashSet<>(texts(oldType.path("required")));
            Set<String> newRequired = new HashSet<>(texts(newType.path("required")));
            Set<String> removed = new LinkedHashSet<>(oldProperties.keySet());
            removed.removeAll(newProperties.keySet());
            Set<String> added = new LinkedHashSet<>(newProperties.keySet());
            added.removeAll(oldProperties.keySet());
            for (String name : removed) {
                String renamedTo = renamedTo(oldProperties.get(name), added, newProperties);
                if (renamedTo != null) {
                    added.remove(renamedTo);
                    add(child(path, name), "was renamed to `" + renamedTo + "`", direction == Direction.OUTGOING
                            ? "a field of an outgoing event may not be renamed: consumers already deployed read the old name"
                            : "a field of an incoming event may not be renamed: producers already deployed write the old name");
                } else if (direction == Direction.OUTGOING) {
                    add(child(path, name), "was removed",
                            "a field of an outgoing event may not be removed: consumers already deployed read it");
                }
            }
            if (direction == Direction.INCOMING) {
                for (String name : added) {
                    if (newRequired.contains(name)) {
                        add(child(path, name), "was added as required", "an incoming event may not gain a required"
                                + " field: producers already deployed do not write it");
                    }
                }
                for (String name : newProperties.keySet()) {
                    if (oldProperties.containsKey(name) && newRequired.contains(name) && !oldRequired.contains(name)) {
                        add(child(path, name), "became required", "a field of an incoming event may not become"
                                + " required: producers already deployed may leave it out");
                    }
                }
            }
            for (Map.Entry<String, JsonNode> property : oldProperties.entrySet()) {
                JsonNode newProperty = newProperties.get(property.getKey());
                if (newProperty != null) {
                    compare(property.getValue(), newProperty, child(path, property.getKey()));
                }
            }
        }

        private String renamedTo(JsonNode oldProperty, Set<String> added, Map<String, JsonNode> newProperties) {
            String oldShape = shape(resolve(oldRoot, oldProperty));
            List<String> candidates = added.stream()
                    .filter(name -> shape(resolve(newRoot, newProperties.get(name))).equals(oldShape)).toList();
            return candidates.size() == 1 ? candidates.get(0) : null;
        }

        private void compareConstants(JsonNode oldType, JsonNode newType, String path) {
            if (!oldType.has("enum") || !newType.has("enum")) {
                return;
            }
            Set<String> oldConstants = new TreeSet<>(texts(oldType.get("enum")));
            Set<String> newConstants = new TreeSet<>(texts(newType.get("enum")));
            if (direction == Direction.OUTGOING) {
                Set<String> added = new TreeSet<>(newConstants);
                added.removeAll(oldConstants);
                if (!added.isEmpty()) {
                    add(path, "gained the enum constants " + added, "an enum of an outgoing event may not gain"
                            + " constants: consumers already deployed cannot read them");
                }
            } else {
                Set<String> removed = new TreeSet<>(oldConstants);
                removed.removeAll(newConstants);
                if (!removed.isEmpty()) {
                    add(path, "lost the enum constants " + removed, "an enum of an incoming event may not lose"
                            + " constants: producers already deployed still send them");
                }
            }
        }

        private void add(String path, String change, String rule) {
            breaks.add(new ContractBreak(event, side, path, change, rule));
        }

        private static String child(String path, String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        private static Map<String, JsonNode> properties(JsonNode type) {
            Map<String, JsonNode> properties = new LinkedHashMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> fields = type.path("properties").fields(); fields.hasNext();) {
                Map.Entry<String, JsonNode> field = fields.next();
                properties.put(field.getKey(), field.getValue());
            }
            return properties;
        }

        /**
         * @return the {@code $ref} of a node, or of the alternative that is not {@code null} of its {@code anyOf}
         */
        private static String ref(JsonNode node) {
            if (node.has("anyOf")) {
                for (JsonNode alternative : node.get("anyOf")) {
                    if (alternative.has("$ref")) {
                        return alternative.get("$ref").asText();
                    }
                }
            }
            return node.has("$ref") ? node.get("$ref").asText() : null;
        }

        /**
         * @return the schema a node stands for: what its {@code $ref} names in its root's {@code $defs}, and the
         *         alternative that is not {@code null} of an {@code anyOf}
         */
        private static JsonNode resolve(JsonNode root, JsonNode node) {
            JsonNode resolved = node;
            for (int depth = 0; depth < 16; depth++) {
                if (resolved.has("$ref")) {
                    String ref = resolved.get("$ref").asText();
                    resolved = ref.equals("#") ? root : root.at(ref.substring(1));
                } else if (resolved.has("anyOf")) {
                    JsonNode notNull = null;
                    for (JsonNode alternative : resolved.get("anyOf")) {
                        if (!"null".equals(alternative.path("type").asText())) {
                            notNull = alternative;
                        }
                    }
                    resolved = notNull == null ? resolved.get("anyOf").get(0) : notNull;
                } else {
                    return resolved;
                }
            }
            return resolved;
        }

        /**
         * @return the kind of value a resolved schema stands for, {@code null} aside: {@code object}, {@code map},
         *         {@code array}, or a JSON type with its format ({@code string (date-time)})
         */
        private static String shape(JsonNode type) {
            if (type.isNull() || type.isMissingNode()) {
                return "no payload";
            }
            String name = null;
            JsonNode types = type.path("type");
            for (JsonNode candidate : types.isArray() ? types : List.of(types)) {
                if (!candidate.isMissingNode() && !candidate.asText().equals("null")) {
                    name = candidate.asText();
                }
            }
            if (name == null) {
                return type.has("properties") ? "object" : "any value";
            }
            if (name.equals("object") && type.has("additionalProperties") && !type.has("properties")) {
                return "map";
            }
            return type.has("format") ? name + " (" + type.get("format").asText() + ")" : name;
        }
    }
}
