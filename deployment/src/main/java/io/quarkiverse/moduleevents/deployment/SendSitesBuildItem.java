package io.quarkiverse.moduleevents.deployment;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * Every call of an emitter with a constant name found in the application's bytecode.
 */
public final class SendSitesBuildItem extends SimpleBuildItem {

    private final List<SendSite> sites;

    SendSitesBuildItem(List<SendSite> sites) {
        this.sites = sites.stream()
                .sorted(Comparator.comparing(SendSite::className).thenComparing(SendSite::methodName)
                        .thenComparingInt(SendSite::line))
                .toList();
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
        Set<String> senders = new TreeSet<>();
        for (SendSite site : sites) {
            if (site.sends() && site.eventName().equals(eventName)) {
                senders.add(site.caller());
            }
        }
        return senders;
    }
}
