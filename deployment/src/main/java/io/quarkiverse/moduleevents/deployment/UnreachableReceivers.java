package io.quarkiverse.moduleevents.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogEvent;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogModule;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogReceiver;

/**
 * Finds the receivers that run for none of the events they can receive: each of those events is sent, with a constant
 * name, only the other way. A receiver of a whole module or a pattern that runs for one of its events is fine; a
 * receiver of {@code @Remote} events only is not judged by how the events are sent locally.
 */
final class UnreachableReceivers {

    private UnreachableReceivers() {
    }

    /**
     * @return one description per receiver that never runs, sorted, such as
     *         {@code com.acme.Mail#onAccount (@ObservesAsync) of 'user:account:created', sent only with send}
     */
    static List<String> describe(EventCatalogBuildItem catalog) {
        Map<String, CatalogReceiver> receivers = new TreeMap<>();
        Map<String, List<CatalogEvent>> eventsOfReceiver = new TreeMap<>();
        Map<String, Boolean> runsSomewhere = new TreeMap<>();
        for (CatalogModule module : catalog.modules()) {
            for (CatalogEvent event : module.events()) {
                for (CatalogReceiver receiver : event.receivers()) {
                    if (receiver.remote()) {
                        // how the event is sent locally does not reach it
                        continue;
                    }
                    receivers.putIfAbsent(receiver.method(), receiver);
                    eventsOfReceiver.computeIfAbsent(receiver.method(), method -> new ArrayList<>()).add(event);
                    runsSomewhere.merge(receiver.method(), receiver.runs(), Boolean::logicalOr);
                }
            }
        }
        List<String> descriptions = new ArrayList<>();
        runsSomewhere.forEach((method, runs) -> {
            if (!runs) {
                descriptions.add(describe(receivers.get(method), eventsOfReceiver.get(method)));
            }
        });
        return descriptions;
    }

    private static String describe(CatalogReceiver receiver, List<CatalogEvent> events) {
        List<String> sentHow = new ArrayList<>();
        for (CatalogEvent event : events) {
            TreeSet<String> with = new TreeSet<>();
            event.sends().forEach(send -> with.add(send.with()));
            sentHow.add("'" + event.name() + "', sent only with " + String.join(" and ", with));
        }
        return receiver.method() + (receiver.async() ? " (@ObservesAsync)" : " (@Observes)") + " of "
                + String.join(", ", sentHow);
    }
}
