package io.quarkiverse.moduleevents.messaging.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jboss.jandex.DotName;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * Every declared event the configuration selects for a channel, sorted by channel and name. Selections that break a
 * rule are left out; the problem is reported through a {@code ModuleEventsProblemBuildItem}.
 */
public final class SelectedEventsBuildItem extends SimpleBuildItem {

    private final List<SelectedEvent> outgoing;
    private final List<SelectedEvent> incoming;

    SelectedEventsBuildItem(List<SelectedEvent> events) {
        List<SelectedEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(SelectedEvent::channel).thenComparing(bridged -> bridged.event().name()));
        this.outgoing = sorted.stream().filter(SelectedEvent::outgoing).toList();
        this.incoming = sorted.stream().filter(bridged -> !bridged.outgoing()).toList();
    }

    List<SelectedEvent> outgoing() {
        return outgoing;
    }

    List<SelectedEvent> incoming() {
        return incoming;
    }

    /**
     * @return the sorted names of the outgoing channels that carry at least one event
     */
    List<String> outgoingChannels() {
        return outgoing.stream().map(SelectedEvent::channel).distinct().toList();
    }

    /**
     * @return the payload types of the bridged events, outgoing and incoming, whose {@code @EventSubject} the bridge
     *         reads and reports when it is ambiguous
     */
    public Set<DotName> payloadTypes() {
        return Stream.concat(outgoing.stream(), incoming.stream()).map(bridged -> bridged.event().payloadType())
                .collect(Collectors.toSet());
    }

    /**
     * @return the sorted names of the incoming channels that carry at least one event
     */
    public List<String> incomingChannels() {
        return incoming.stream().map(SelectedEvent::channel).distinct().toList();
    }
}
