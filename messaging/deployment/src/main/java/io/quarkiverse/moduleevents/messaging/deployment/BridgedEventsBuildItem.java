package io.quarkiverse.moduleevents.messaging.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * Every declared event the configuration selects for a channel, sorted by channel and name. Selections that break a
 * rule are left out; the problem is reported through a {@link MessagingProblemBuildItem}.
 */
public final class BridgedEventsBuildItem extends SimpleBuildItem {

    private final List<BridgedEvent> outgoing;
    private final List<BridgedEvent> incoming;

    BridgedEventsBuildItem(List<BridgedEvent> events) {
        List<BridgedEvent> sorted = new ArrayList<>(events);
        sorted.sort(Comparator.comparing(BridgedEvent::channel).thenComparing(bridged -> bridged.event().name()));
        this.outgoing = sorted.stream().filter(BridgedEvent::outgoing).toList();
        this.incoming = sorted.stream().filter(bridged -> !bridged.outgoing()).toList();
    }

    List<BridgedEvent> outgoing() {
        return outgoing;
    }

    List<BridgedEvent> incoming() {
        return incoming;
    }

    /**
     * @return the sorted names of the outgoing channels that carry at least one event
     */
    List<String> outgoingChannels() {
        return outgoing.stream().map(BridgedEvent::channel).distinct().toList();
    }

    /**
     * @return the sorted names of the incoming channels that carry at least one event
     */
    public List<String> incomingChannels() {
        return incoming.stream().map(BridgedEvent::channel).distinct().toList();
    }
}
