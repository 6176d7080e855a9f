package io.quarkiverse.moduleevents.deployment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.Event;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.Module;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.Receiver;
import io.quarkiverse.moduleevents.deployment.EventCatalogBuildItem.Send;
import io.quarkiverse.moduleevents.deployment.SendSite.EmitterMethod;

/**
 * Builds the event catalog: who sends and who receives each declared event. {@link EventCatalogRenderer} writes it.
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
}
