package io.quarkiverse.moduleevents.deployment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * Every call of an emitter that sends an event with a constant name, found in the application's bytecode.
 */
public final class SendSitesBuildItem extends SimpleBuildItem {

    private final Map<String, List<SendSite>> sendsByEvent = new HashMap<>();

    SendSitesBuildItem(List<SendSite> sites) {
        sites.stream().filter(SendSite::sends)
                .sorted(Comparator.comparing(SendSite::className).thenComparing(SendSite::methodName)
                        .thenComparingInt(SendSite::line))
                .forEach(site -> sendsByEvent.computeIfAbsent(site.eventName(), name -> new ArrayList<>()).add(site));
    }

    /**
     * @return the methods that send the event, as {@code class#method}, sorted
     */
    public Set<String> senders(String eventName) {
        Set<String> senders = new TreeSet<>();
        sends(eventName).forEach(site -> senders.add(site.caller()));
        return Collections.unmodifiableSet(senders);
    }

    /**
     * @return the calls that send the event, sorted by class, method and line
     */
    public List<SendSite> sends(String eventName) {
        return Collections.unmodifiableList(sendsByEvent.getOrDefault(eventName, List.of()));
    }
}
