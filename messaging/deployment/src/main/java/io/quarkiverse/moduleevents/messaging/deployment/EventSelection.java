package io.quarkiverse.moduleevents.messaging.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

import io.quarkiverse.moduleevents.deployment.DeclaredEvent;
import io.quarkiverse.moduleevents.deployment.DeclaredEventsBuildItem;
import io.quarkiverse.moduleevents.deployment.NamePatterns;
import io.quarkiverse.moduleevents.messaging.deployment.ModuleEventsMessagingDeploymentException.BridgedEventWithoutPayloadException;
import io.quarkiverse.moduleevents.messaging.deployment.ModuleEventsMessagingDeploymentException.UnknownBridgedEventException;
import io.quarkiverse.moduleevents.runtime.ClosestName;

/**
 * Resolves the names and patterns a channel selects against the declared events, with the semantics of the core's
 * receiver patterns: {@code *} stands for exactly one whole segment.
 */
final class EventSelection {

    private final DeclaredEventsBuildItem declared;
    private final Consumer<ModuleEventsMessagingDeploymentException> problems;

    EventSelection(DeclaredEventsBuildItem declared, Consumer<ModuleEventsMessagingDeploymentException> problems) {
        this.declared = declared;
        this.problems = problems;
    }

    /**
     * @return the selected events of the channel, each once, sorted by name
     */
    List<SelectedEvent> select(String channel, boolean outgoing, List<String> selectors) {
        String key = "quarkus.module-events.messaging." + (outgoing ? "outgoing" : "incoming") + ".\"" + channel
                + "\".events";
        Map<String, DeclaredEvent> selected = new TreeMap<>();
        for (String selector : selectors) {
            List<DeclaredEvent> matches = matches(selector.trim());
            if (matches.isEmpty()) {
                problems.accept(new UnknownBridgedEventException(noMatch(selector.trim(), key)));
            }
            matches.forEach(event -> selected.putIfAbsent(event.name(), event));
        }
        List<SelectedEvent> events = new ArrayList<>();
        for (DeclaredEvent event : selected.values()) {
            if (event.payloadType() == null) {
                problems.accept(new BridgedEventWithoutPayloadException("Event selected for a channel declares no"
                        + " @Payload: '" + event.name() + "' [constant: " + event.member() + ", key: " + key
                        + "]; add @Payload(...) to " + event.member() + ", so the bridge knows what to decode its JSON"
                        + " into, or remove it from " + key));
            } else {
                events.add(new SelectedEvent(channel, event, outgoing));
            }
        }
        return events;
    }

    private List<DeclaredEvent> matches(String selector) {
        if (!NamePatterns.isWellFormed(selector)) {
            return List.of();
        }
        List<DeclaredEvent> matches = new ArrayList<>();
        for (String name : declared.eventNames()) {
            if (NamePatterns.matches(selector, name)) {
                matches.add(declared.event(name));
            }
        }
        return matches;
    }

    private String noMatch(String selector, String key) {
        if (!NamePatterns.isWellFormed(selector)) {
            return "Selected pattern is malformed: '" + selector + "' [key: " + key + "]; a * stands for a whole"
                    + " segment, as in 'user:*:created'";
        }
        String rule = selector.contains(NamePatterns.WILDCARD) ? "Selected pattern matches no declared event: '"
                : "Selected event is not declared by any module: '";
        return rule + selector + "' [key: " + key + "]; " + Objects.requireNonNullElse(
                ClosestName.didYouMean(ClosestName.ranked(selector, declared.eventNames(), 3)),
                "no module declares any event");
    }
}
