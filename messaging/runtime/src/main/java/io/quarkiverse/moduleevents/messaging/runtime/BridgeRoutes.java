package io.quarkiverse.moduleevents.messaging.runtime;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every route the build selected, looked up by channel and event name.
 */
public final class BridgeRoutes {

    private final Map<String, Map<String, OutgoingRoute>> outgoing = new HashMap<>();
    private final Map<String, Map<String, IncomingRoute>> incoming = new HashMap<>();
    private final Set<String> declaredNames;

    BridgeRoutes(List<OutgoingRoute> outgoingRoutes, List<IncomingRoute> incomingRoutes, List<String> declaredNames) {
        for (OutgoingRoute route : outgoingRoutes) {
            outgoing.computeIfAbsent(route.getChannel(), channel -> new HashMap<>()).put(route.getName(), route);
        }
        for (IncomingRoute route : incomingRoutes) {
            incoming.computeIfAbsent(route.getChannel(), channel -> new HashMap<>()).put(route.getName(), route);
        }
        this.declaredNames = new HashSet<>(declaredNames);
    }

    /**
     * @return the route of the name on that outgoing channel, {@code null} when the name is not selected for it
     */
    OutgoingRoute outgoing(String channel, String name) {
        return outgoing.getOrDefault(channel, Map.of()).get(name);
    }

    /**
     * @return the names selected for each outgoing channel
     */
    Map<String, Set<String>> outgoingNames() {
        Map<String, Set<String>> names = new HashMap<>();
        outgoing.forEach((channel, routes) -> names.put(channel, Set.copyOf(routes.keySet())));
        return Map.copyOf(names);
    }

    /**
     * @return the route of the name on that incoming channel, {@code null} when the name is not selected for it
     */
    IncomingRoute incoming(String channel, String name) {
        return incoming.getOrDefault(channel, Map.of()).get(name);
    }

    /**
     * @return whether any module of the application declares the name
     */
    boolean isDeclared(String name) {
        return declaredNames.contains(name);
    }
}
