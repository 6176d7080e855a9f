package io.quarkiverse.moduleevents.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogDependency;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogEvent;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogModule;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogReceiver;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.CatalogSend;
import io.quarkiverse.moduleevents.deployment.SendSite.EmitterMethod;

/**
 * Builds the event catalog: who sends and who receives each declared event. {@link EventCatalogRenderer} writes it.
 */
public final class EventCatalogs {

    /** orders (module, module depended on) pairs */
    private static final Comparator<List<String>> MODULE_PAIRS = Comparator.<List<String>, String> comparing(
            pair -> pair.get(0)).thenComparing(pair -> pair.get(1));

    /**
     * orders receivers by priority and method, then the overloads of one method name by what the catalog says of them,
     * so that two builds list them alike whatever order bean discovery found them in
     */
    private static final Comparator<CatalogReceiver> RECEIVER_ORDER = Comparator
            .comparingInt(CatalogReceiver::priority).thenComparing(CatalogReceiver::method)
            .thenComparing(CatalogReceiver::async).thenComparing(CatalogReceiver::remote)
            .thenComparing(CatalogReceiver::pattern, Comparator.nullsFirst(Comparator.naturalOrder()));

    private EventCatalogs() {
    }

    static EventCatalogBuildItem build(DeclaredEventsBuildItem declared, SendSitesBuildItem sendSites,
            List<ModuleEventObserver> observers, PayloadTypes payloadTypes, List<EventChannelBuildItem> bridged,
            ReceivingModules receivingModules, Set<String> durableReceivers, BoundaryCrossingsBuildItem crossings) {
        ObserversByName candidates = new ObserversByName(observers);
        List<CatalogModule> modules = new ArrayList<>();
        for (EventModuleBuildItem module : declared.modules()) {
            if (module != declared.module(module.name())) {
                continue;
            }
            List<CatalogEvent> events = new ArrayList<>();
            for (DeclaredEvent event : module.events()) {
                List<SendSite> sends = sendSites.sends(event.name());
                List<String> incoming = channels(bridged, event.name(), false);
                List<CatalogReceiver> receivers = candidates.of(event.name()).stream()
                        .filter(observer -> observer.canReceive(event, payloadTypes))
                        .map(observer -> receiver(observer, receivingModules, durableReceivers, sends, incoming))
                        .sorted(RECEIVER_ORDER)
                        .toList();
                events.add(new CatalogEvent(event.key(), event.name(),
                        event.payloadType() == null ? null : event.payloadType().toString(),
                        List.copyOf(sendSites.senders(event.name())),
                        sends.stream().map(site -> new CatalogSend(site.caller(), site.emitterMethod().javaName(), site.line()))
                                .toList(),
                        receivers, channels(bridged, event.name(), true), incoming));
            }
            modules.add(new CatalogModule(module.name(), module.declaringInterface().toString(), events));
        }
        return new EventCatalogBuildItem(modules, dependencies(modules, crossings));
    }

    /**
     * @return each module's dependencies on other modules: the events of theirs it receives, and the types of theirs
     *         it uses although they do not publish them
     */
    private static List<CatalogDependency> dependencies(List<CatalogModule> modules,
            BoundaryCrossingsBuildItem crossings) {
        Map<List<String>, Set<String>> events = new TreeMap<>(MODULE_PAIRS);
        Map<List<String>, Set<String>> direct = new TreeMap<>(MODULE_PAIRS);
        for (CatalogModule module : modules) {
            for (CatalogEvent event : module.events()) {
                event.receivers().stream().map(CatalogReceiver::module).filter(receiving -> !receiving.equals(module.name()))
                        .forEach(receiving -> events.computeIfAbsent(List.of(receiving, module.name()),
                                pair -> new TreeSet<>()).add(event.name()));
            }
        }
        for (BoundaryCrossing crossing : crossings.crossings()) {
            direct.computeIfAbsent(List.of(crossing.module(), crossing.typeModule()), pair -> new TreeSet<>())
                    .add(crossing.type());
        }
        Set<List<String>> pairs = new TreeSet<>(MODULE_PAIRS);
        pairs.addAll(events.keySet());
        pairs.addAll(direct.keySet());
        return pairs.stream().map(pair -> new CatalogDependency(pair.get(0), pair.get(1),
                List.copyOf(events.getOrDefault(pair, Set.of())), List.copyOf(direct.getOrDefault(pair, Set.of()))))
                .toList();
    }

    private static CatalogReceiver receiver(ModuleEventObserver observer, ReceivingModules receivingModules,
            Set<String> durableReceivers, List<SendSite> sends, List<String> incoming) {
        String method = observer.methodName();
        boolean durable = durableReceivers.contains(method);
        boolean async = observer.observer.isAsync();
        // a receiver of @Remote events runs for those a broker channel brings in only; the outbox records a durable
        // receiver for every way of sending, sendAsync included
        boolean runs = observer.firedQualifier ? !incoming.isEmpty() : durable || runs(async, sends, incoming);
        return new CatalogReceiver(method,
                receivingModules.moduleOf(observer.observer.getObserverMethod().declaringClass().name().toString()),
                async, observer.observer.getPriority(), observer.pattern, runs, durable, observer.firedQualifier);
    }

    private static List<String> channels(List<EventChannelBuildItem> bridged, String eventName, boolean outgoing) {
        return bridged.stream().filter(item -> item.outgoing() == outgoing && item.eventName().equals(eventName))
                .map(EventChannelBuildItem::channel).distinct().sorted().toList();
    }

    /**
     * The observer methods that may receive an event of a given name: those of exactly that name, and those that
     * observe no name (a module, a pattern, or only a type). Comparing every event with every observer would make the
     * catalog quadratic in the size of the application.
     */
    private static final class ObserversByName {

        private final Map<String, List<ModuleEventObserver>> byName = new HashMap<>();
        private final List<ModuleEventObserver> withoutName = new ArrayList<>();
        private final Map<ModuleEventObserver, Integer> discoveryOrder = new IdentityHashMap<>();

        ObserversByName(List<ModuleEventObserver> observers) {
            for (ModuleEventObserver observer : observers) {
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
        List<ModuleEventObserver> of(String name) {
            List<ModuleEventObserver> candidates = new ArrayList<>(byName.getOrDefault(name, List.of()));
            candidates.addAll(withoutName);
            candidates.sort(Comparator.comparingInt(discoveryOrder::get));
            return candidates;
        }
    }

    /**
     * @return {@code false} when the calls found send the event only in a way that never reaches the receiver;
     *         {@code true} when one of them reaches it, when a broker channel brings the event in (the bridge notifies
     *         both kinds), or when no call with a constant name was found, since the event may be sent with a
     *         computed name
     */
    private static boolean runs(boolean async, List<SendSite> sends, List<String> incoming) {
        if (sends.isEmpty() || !incoming.isEmpty()) {
            return true;
        }
        return sends.stream().anyMatch(site -> (site.emitterMethod() == EmitterMethod.SEND_ASYNC) == async);
    }
}
