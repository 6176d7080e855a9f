package io.quarkiverse.moduleevents.deployment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogDependency;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogEvent;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogModule;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogReceiver;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogSend;

/**
 * Writes the event catalog as {@code catalog.json}, as a Markdown page, and as a Mermaid flow diagram.
 */
public final class EventCatalogRenderer {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EventCatalogRenderer() {
    }

    /**
     * @return the catalog as indented JSON, its fields in the order the docs give them
     */
    static String json(EventCatalogBuildItem catalog, PayloadSchemasBuildItem schemas) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode modules = root.putArray("modules");
        for (CatalogModule module : catalog.modules()) {
            ObjectNode moduleNode = modules.addObject()
                    .put("name", module.name())
                    .put("interface", module.declaringInterface());
            ArrayNode events = moduleNode.putArray("events");
            for (CatalogEvent event : module.events()) {
                ObjectNode eventNode = events.addObject()
                        .put("key", event.key())
                        .put("name", event.name())
                        .put("payload", event.payload());
                eventNode.set("schema", schemas.schemaOf(event.payload()));
                event.senders().forEach(eventNode.putArray("senders")::add);
                ArrayNode sends = eventNode.putArray("sends");
                for (CatalogSend send : event.sends()) {
                    sends.addObject().put("sender", send.sender()).put("with", send.with()).put("line", send.line());
                }
                ArrayNode receivers = eventNode.putArray("receivers");
                for (CatalogReceiver receiver : event.receivers()) {
                    receivers.addObject()
                            .put("method", receiver.method())
                            .put("module", receiver.module())
                            .put("async", receiver.async())
                            .put("priority", receiver.priority())
                            .put("pattern", receiver.pattern())
                            .put("runs", receiver.runs())
                            .put("durable", receiver.durable())
                            .put("remote", receiver.remote());
                }
                event.outgoing().forEach(eventNode.putArray("outgoing")::add);
                event.incoming().forEach(eventNode.putArray("incoming")::add);
            }
        }
        ArrayNode dependencies = root.putArray("dependencies");
        for (CatalogDependency dependency : catalog.dependencies()) {
            ObjectNode dependencyNode = dependencies.addObject().put("module", dependency.module())
                    .put("on", dependency.on());
            dependency.events().forEach(dependencyNode.putArray("events")::add);
            dependency.direct().forEach(dependencyNode.putArray("direct")::add);
        }
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the event catalog as JSON", e);
        }
    }

    /**
     * @return a Mermaid flow chart: each sending module, its events, the modules whose receivers run for them, and the
     *         broker channels they go out on or come in from; an arrow labelled {@code durable} leads to a module's
     *         durable receivers, a plain one to its others. Then, as dotted arrows, each module's dependencies on
     *         other modules; a thick arrow labelled {@code direct} marks a module that uses another's types directly
     */
    public static String flowDiagram(EventCatalogBuildItem catalog) {
        StringBuilder diagram = new StringBuilder("flowchart LR\n");
        Map<String, String> nodes = new LinkedHashMap<>();
        for (CatalogModule module : catalog.modules()) {
            String moduleNode = node(nodes, "module:" + module.name(), "m");
            diagram.append("    ").append(moduleNode).append("[\"").append(module.name()).append("\"]\n");
            for (CatalogEvent event : module.events()) {
                String eventNode = node(nodes, "event:" + event.name(), "e");
                diagram.append("    ").append(moduleNode).append(" --> ").append(eventNode).append("([\"")
                        .append(event.name()).append("\"])\n");
                Map<String, Set<Boolean>> receiving = new TreeMap<>();
                event.receivers().stream().filter(CatalogReceiver::runs).forEach(receiver -> receiving
                        .computeIfAbsent(receiver.module(), name -> new TreeSet<>()).add(receiver.durable()));
                receiving.forEach((receiver, durable) -> durable.forEach(isDurable -> diagram.append("    ")
                        .append(eventNode).append(isDurable ? " -->|durable| " : " --> ")
                        .append(node(nodes, "module:" + receiver, "m")).append("[\"").append(receiver)
                        .append("\"]\n")));
                event.outgoing().forEach(channel -> diagram.append("    ").append(eventNode).append(" --> ")
                        .append(node(nodes, "channel:" + channel, "c")).append("[/\"channel ").append(channel)
                        .append("\"/]\n"));
                event.incoming().forEach(channel -> diagram.append("    ")
                        .append(node(nodes, "channel:" + channel, "c")).append("[/\"channel ").append(channel)
                        .append("\"/] --> ").append(eventNode).append('\n'));
            }
        }
        for (CatalogDependency dependency : catalog.dependencies()) {
            diagram.append("    ").append(node(nodes, "module:" + dependency.module(), "m")).append("[\"")
                    .append(dependency.module()).append("\"]")
                    .append(!dependency.direct().isEmpty() ? " ==>|direct| " : " -.->|depends on| ")
                    .append(node(nodes, "module:" + dependency.on(), "m")).append("[\"").append(dependency.on())
                    .append("\"]\n");
        }
        return diagram.toString();
    }

    private static String node(Map<String, String> nodes, String key, String prefix) {
        return nodes.computeIfAbsent(key, k -> prefix + nodes.size());
    }

    static String markdown(EventCatalogBuildItem catalog) {
        StringBuilder page = new StringBuilder("# Event catalog\n\n")
                .append("Who sends and who receives each module event, as the build found them. Senders are the")
                .append(" methods that call an emitter with a constant name, and the broker channels the event comes")
                .append(" in from; receivers are the observer methods, and the channels it goes out on.\n\n")
                .append("```mermaid\n").append(flowDiagram(catalog)).append("```\n");
        boolean bridged = catalog.modules().stream().flatMap(module -> module.events().stream())
                .anyMatch(event -> !event.outgoing().isEmpty() || !event.incoming().isEmpty());
        if (bridged) {
            page.append("\nThe broker channels, their messages and the payloads' schemas, as AsyncAPI 3.0.0:")
                    .append(" [asyncapi.yaml](asyncapi.yaml), beside this page.\n");
        }
        for (CatalogModule module : catalog.modules()) {
            page.append("\n## Module `").append(module.name()).append("`\n\nDeclared in `")
                    .append(module.declaringInterface()).append("`.\n\n")
                    .append("| Key | Name | Payload | Senders | Receivers |\n|---|---|---|---|---|\n");
            for (CatalogEvent event : module.events()) {
                page.append("| ").append(event.key()).append(" | `").append(event.name()).append("` | ")
                        .append(event.payload() == null ? "any" : "`" + event.payload() + "`").append(" | ")
                        .append(cell(sendersWithMethods(event), event.incoming())).append(" | ")
                        .append(cell(event.receivers().stream().map(EventCatalogRenderer::describe).toList(),
                                event.outgoing()))
                        .append(" |\n");
            }
        }
        if (!catalog.dependencies().isEmpty()) {
            page.append("\n## Dependencies between modules\n\n")
                    .append("What each module's code uses of another module: the events it receives, and the types it")
                    .append(" uses directly although that module does not publish them (each one a crossing of the")
                    .append(" module boundary, to replace by an event).\n\n")
                    .append("| Module | Depends on | By events | Directly |\n|---|---|---|---|\n");
            for (CatalogDependency dependency : catalog.dependencies()) {
                page.append("| ").append(dependency.module()).append(" | ").append(dependency.on()).append(" | ")
                        .append(cell(dependency.events(), List.of())).append(" | ")
                        .append(cell(dependency.direct(), List.of())).append(" |\n");
            }
        }
        return page.toString();
    }

    /**
     * @return each sender with the emitter methods it calls, such as {@code com.acme.Signup#register (send, sendAsync)}
     */
    private static List<String> sendersWithMethods(CatalogEvent event) {
        Map<String, Set<String>> methods = new TreeMap<>();
        event.sends().forEach(send -> methods.computeIfAbsent(send.sender(), sender -> new TreeSet<>()).add(send.with()));
        return methods.entrySet().stream()
                .map(sender -> sender.getKey() + " (" + String.join(", ", sender.getValue()) + ")").toList();
    }

    private static String describe(CatalogReceiver receiver) {
        String neverRuns = receiver.remote() ? ", never runs: no broker channel brings it in"
                : receiver.async() ? ", never runs: not sent with sendAsync"
                        : ", never runs: not sent with send or sendRobust";
        return receiver.method() + (receiver.async() ? " (async" : " (sync") + ", priority " + receiver.priority()
                + (receiver.pattern() != null ? ", pattern " + receiver.pattern() : "")
                + (receiver.durable() ? ", durable" : "") + (receiver.remote() ? ", remote" : "")
                + (receiver.runs() ? "" : neverRuns) + ")";
    }

    /**
     * @param channels broker channels, listed after the methods
     */
    private static String cell(List<String> methods, List<String> channels) {
        List<String> values = new ArrayList<>();
        methods.forEach(method -> values.add("`" + method + "`"));
        channels.forEach(channel -> values.add("channel `" + channel + "`"));
        return values.isEmpty() ? "none" : String.join("<br>", values);
    }
}
