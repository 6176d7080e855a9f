package io.quarkiverse.moduleevents.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.Event;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.Module;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.Receiver;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.Send;
import io.quarkiverse.moduleevents.deployment.SendSite.EmitterMethod;

/**
 * Builds the event catalog and renders it as JSON and as a Markdown page with a Mermaid flow diagram.
 */
public final class EventCatalogs {

    private EventCatalogs() {
    }

    static EventCatalogBuildItem build(DeclaredEventsBuildItem declared, SendSitesBuildItem sendSites,
            List<ObservedEvent> observers, PayloadTypes payloadTypes, List<BridgedEventBuildItem> bridged,
            ReceivingModules receivingModules) {
        ObserversByName candidates = new ObserversByName(observers);
        List<Module> modules = new ArrayList<>();
        for (EventModuleBuildItem module : declared.modules()) {
            if (module != declared.module(module.name())) {
                continue;
            }
            List<Event> events = new ArrayList<>();
            for (DeclaredEvent event : module.events()) {
                List<SendSite> sends = sendSites.sends(event.name());
                List<String> incoming = channels(bridged, event.name(), false);
                List<Receiver> receivers = candidates.of(event.name()).stream()
                        .filter(observer -> observer.canReceive(event, payloadTypes))
                        .map(observer -> new Receiver(observer.methodName(),
                                receivingModules.moduleOf(observer.observer.getObserverMethod().declaringClass().name()
                                        .toString()),
                                observer.observer.isAsync(), observer.observer.getPriority(), observer.pattern,
                                runs(observer.observer.isAsync(), sends, incoming)))
                        .sorted(Comparator.comparingInt(Receiver::priority).thenComparing(Receiver::method))
                        .toList();
                events.add(new Event(event.key(), event.name(),
                        event.payloadType() == null ? null : event.payloadType().toString(),
                        List.copyOf(sendSites.senders(event.name())),
                        sends.stream().map(site -> new Send(site.caller(), site.emitterMethod().javaName(), site.line()))
                                .toList(),
                        receivers, channels(bridged, event.name(), true), incoming));
            }
            modules.add(new Module(module.name(), module.declaringInterface().toString(), events));
        }
        return new EventCatalogBuildItem(modules);
    }

    private static List<String> channels(List<BridgedEventBuildItem> bridged, String eventName, boolean outgoing) {
        return bridged.stream().filter(item -> item.outgoing() == outgoing && item.eventName().equals(eventName))
                .map(BridgedEventBuildItem::channel).distinct().sorted().toList();
    }

    /**
     * The observer methods that may receive an event of a given name: those of exactly that name, and those that
     * observe no name (a module, a pattern, or only a type). Comparing every event with every observer would make the
     * catalog quadratic in the size of the application.
     */
    private static final class ObserversByName {

        private final Map<String, List<ObservedEvent>> byName = new HashMap<>();
        private final List<ObservedEvent> withoutName = new ArrayList<>();
        private final Map<ObservedEvent, Integer> discoveryOrder = new IdentityHashMap<>();

        ObserversByName(List<ObservedEvent> observers) {
            for (ObservedEvent observer : observers) {
                if (observer.observer.getObserverMethod() == null) {
                    continue;
                }
                discoveryOrder.put(observer, discoveryOrder.size());
                if (observer.name != null) {
                    byName.computeIfAbsent(observer.name, name -> new ArrayList<>()).add(observer);
                } else {
                    withoutName.add(observer);
                }
            }
        }

        /**
         * @return the candidates in the order bean discovery found them
         */
        List<ObservedEvent> of(String name) {
            List<ObservedEvent> candidates = new ArrayList<>(byName.getOrDefault(name, List.of()));
            candidates.addAll(withoutName);
            candidates.sort(Comparator.comparingInt(discoveryOrder::get));
            return candidates;
        }
    }

    /**
     * @return {@code false} when the calls found send the event only in a way that never reaches the receiver;
     *         {@code true} when one of them reaches it, when a broker channel brings the event in (the bridge notifies
     *         both kinds), or when no call with a constant name was found, since the event may be sent with a computed
     *         name
     */
    private static boolean runs(boolean async, List<SendSite> sends, List<String> incoming) {
        if (sends.isEmpty() || !incoming.isEmpty()) {
            return true;
        }
        return sends.stream().anyMatch(site -> (site.emitterMethod() == EmitterMethod.SEND_ASYNC) == async);
    }

    static String toJson(EventCatalogBuildItem catalog) {
        StringBuilder json = new StringBuilder("{\n  \"modules\": [");
        String moduleSeparator = "\n";
        for (Module module : catalog.modules()) {
            json.append(moduleSeparator).append("    {\"name\": ").append(quote(module.name()))
                    .append(", \"interface\": ").append(quote(module.declaringInterface()))
                    .append(", \"events\": [");
            String eventSeparator = "\n";
            for (Event event : module.events()) {
                json.append(eventSeparator).append("      {\"key\": ").append(quote(event.key()))
                        .append(", \"name\": ").append(quote(event.name()))
                        .append(", \"payload\": ").append(quote(event.payload()))
                        .append(", \"senders\": [")
                        .append(event.senders().stream().map(EventCatalogs::quote).collect(Collectors.joining(", ")))
                        .append("], \"sends\": [")
                        .append(event.sends().stream().map(send -> "{\"sender\": " + quote(send.sender())
                                + ", \"with\": " + quote(send.with()) + ", \"line\": " + send.line() + "}")
                                .collect(Collectors.joining(", ")))
                        .append("], \"receivers\": [");
                String receiverSeparator = "\n";
                for (Receiver receiver : event.receivers()) {
                    json.append(receiverSeparator).append("        {\"method\": ").append(quote(receiver.method()))
                            .append(", \"module\": ").append(quote(receiver.module()))
                            .append(", \"async\": ").append(receiver.async())
                            .append(", \"priority\": ").append(receiver.priority())
                            .append(", \"pattern\": ").append(quote(receiver.pattern()))
                            .append(", \"runs\": ").append(receiver.runs()).append('}');
                    receiverSeparator = ",\n";
                }
                json.append(event.receivers().isEmpty() ? "]" : "\n      ]")
                        .append(", \"outgoing\": [").append(quoteAll(event.outgoing()))
                        .append("], \"incoming\": [").append(quoteAll(event.incoming())).append("]}");
                eventSeparator = ",\n";
            }
            json.append(module.events().isEmpty() ? "]}" : "\n    ]}");
            moduleSeparator = ",\n";
        }
        return json.append(catalog.modules().isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static String quoteAll(List<String> values) {
        return values.stream().map(EventCatalogs::quote).collect(Collectors.joining(", "));
    }

    private static String quote(String value) {
        if (value == null) {
            return "null";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                default -> {
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    /**
     * @return a Mermaid flow chart: each sending module, its events, the modules that receive them, and the broker
     *         channels they go out on or come in from
     */
    public static String flowDiagram(EventCatalogBuildItem catalog) {
        StringBuilder diagram = new StringBuilder("flowchart LR\n");
        Map<String, String> nodes = new LinkedHashMap<>();
        for (Module module : catalog.modules()) {
            String moduleNode = node(nodes, "module:" + module.name(), "m");
            diagram.append("    ").append(moduleNode).append("[\"").append(module.name()).append("\"]\n");
            for (Event event : module.events()) {
                String eventNode = node(nodes, "event:" + event.name(), "e");
                diagram.append("    ").append(moduleNode).append(" --> ").append(eventNode).append("([\"")
                        .append(event.name()).append("\"])\n");
                event.receivers().stream().filter(Receiver::runs).map(Receiver::module).distinct().sorted().forEach(receiver -> diagram
                        .append("    ").append(eventNode).append(" --> ")
                        .append(node(nodes, "module:" + receiver, "m")).append("[\"").append(receiver)
                        .append("\"]\n"));
                event.outgoing().forEach(channel -> diagram.append("    ").append(eventNode).append(" --> ")
                        .append(node(nodes, "channel:" + channel, "c")).append("[/\"channel ").append(channel)
                        .append("\"/]\n"));
                event.incoming().forEach(channel -> diagram.append("    ")
                        .append(node(nodes, "channel:" + channel, "c")).append("[/\"channel ").append(channel)
                        .append("\"/] --> ").append(eventNode).append('\n'));
            }
        }
        return diagram.toString();
    }

    private static String node(Map<String, String> nodes, String key, String prefix) {
        return nodes.computeIfAbsent(key, k -> prefix + nodes.size());
    }

    static String toMarkdown(EventCatalogBuildItem catalog) {
        StringBuilder page = new StringBuilder("# Event catalog\n\n")
                .append("Who sends and who receives each module event, as the build found them. Senders are the")
                .append(" methods that call an emitter with a constant name, and the broker channels the event comes")
                .append(" in from; receivers are the observer methods, and the channels it goes out on.\n\n")
                .append("```mermaid\n").append(flowDiagram(catalog)).append("```\n");
        for (Module module : catalog.modules()) {
            page.append("\n## Module `").append(module.name()).append("`\n\nDeclared in `")
                    .append(module.declaringInterface()).append("`.\n\n")
                    .append("| Key | Name | Payload | Senders | Receivers |\n|---|---|---|---|---|\n");
            for (Event event : module.events()) {
                page.append("| ").append(event.key()).append(" | `").append(event.name()).append("` | ")
                        .append(event.payload() == null ? "any" : "`" + event.payload() + "`").append(" | ")
                        .append(cell(sendersWithMethods(event), event.incoming())).append(" | ")
                        .append(cell(event.receivers().stream().map(EventCatalogs::describe).toList(),
                                event.outgoing()))
                        .append(" |\n");
            }
        }
        return page.toString();
    }

    /**
     * @return each sender with the emitter methods it calls, such as {@code com.acme.Signup#register (send, sendAsync)}
     */
    private static List<String> sendersWithMethods(Event event) {
        Map<String, Set<String>> methods = new TreeMap<>();
        event.sends().forEach(send -> methods.computeIfAbsent(send.sender(), sender -> new TreeSet<>()).add(send.with()));
        return methods.entrySet().stream()
                .map(sender -> sender.getKey() + " (" + String.join(", ", sender.getValue()) + ")").toList();
    }

    private static String describe(Receiver receiver) {
        return receiver.method() + (receiver.async() ? " (async" : " (sync") + ", priority " + receiver.priority()
                + (receiver.pattern() != null ? ", pattern " + receiver.pattern() : "")
                + (receiver.runs() ? "" : ", never runs: not sent " + (receiver.async() ? "with sendAsync" : "with send"
                        + " or sendRobust"))
                + ")";
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
