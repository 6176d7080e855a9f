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
 * Every call of an emitter with a constant name found in the application's bytecode.
 */
public final class SendSitesBuildItem extends SimpleBuildItem {

    private final List<SendSite> sites;
    private final Map<String, Set<String>> sendersByEvent = new HashMap<>();
    private final Map<String, List<SendSite>> sendsByEvent = new HashMap<>();

    SendSitesBuildItem(List<SendSite> sites) {
        this.sites = sites.stream()
                .sorted(Comparator.comparing(SendSite::className).thenComparing(SendSite::methodName)
                        .thenComparingInt(SendSite::line))
                .toList();
        for (SendSite site : this.sites) {
            if (site.sends()) {
                sendersByEvent.computeIfAbsent(site.eventName(), name -> new TreeSet<>()).add(site.caller());
                sendsByEvent.computeIfAbsent(site.eventName(), name -> new ArrayList<>()).add(site);
            }
        }
    }

    /**
     * @return every call site, sorted by class, method and line
     */
    public List<SendSite> sites() {
        return sites;
    }

    /**
     * @return the methods that send the event, as {@code class#method}, sorted
     */
    public Set<String> senders(String eventName) {
        return Collections.unmodifiableSet(sendersByEvent.getOrDefault(eventName, Collections.emptySortedSet()));
    }

    /**
     * @return the calls that send the event, sorted by class, method and line
     */
    public List<SendSite> sends(String eventName) {
        return Collections.unmodifiableList(sendsByEvent.getOrDefault(eventName, List.of()));
    }
}
