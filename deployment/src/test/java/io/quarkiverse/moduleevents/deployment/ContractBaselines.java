package io.quarkiverse.moduleevents.deployment;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes the baseline catalog of an earlier release for the event contract tests, as that release's build would
 * have written it: its events with their channels and the schemas of their payload types then.
 */
public final class ContractBaselines {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContractBaselines() {
    }

    /**
     * An event of the earlier release.
     *
     * @param name its name
     * @param payload its payload type then
     * @param outgoing the channels it went out on
     * @param incoming the channels it came in from
     */
    public record BaselineEvent(String name, Class<?> payload, List<String> outgoing, List<String> incoming) {

        public static BaselineEvent outgoing(String name, Class<?> payload, String channel) {
            return new BaselineEvent(name, payload, List.of(channel), List.of());
        }

        public static BaselineEvent incoming(String name, Class<?> payload, String channel) {
            return new BaselineEvent(name, payload, List.of(), List.of(channel));
        }
    }

    /**
     * Writes the baseline of one module's events to that file.
     */
    public static void write(Path file, String module, BaselineEvent... events) {
        PayloadSchemas schemas = new PayloadSchemas(false, true);
        ObjectNode catalog = JSON.createObjectNode();
        ObjectNode moduleNode = catalog.putArray("modules").addObject().put("name", module);
        ArrayNode eventNodes = moduleNode.putArray("events");
        for (BaselineEvent event : events) {
            ObjectNode eventNode = eventNodes.addObject().put("name", event.name())
                    .put("payload", event.payload().getName());
            eventNode.set("schema", schemas.schemaOf(event.payload()));
            event.outgoing().forEach(eventNode.putArray("outgoing")::add);
            event.incoming().forEach(eventNode.putArray("incoming")::add);
        }
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(catalog));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
