package io.quarkiverse.moduleevents.messaging.runtime;

import java.util.ArrayList;
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
    private final Map<String, List<OutgoingRoute>> outgoingByName = new HashMap<>();
    private final Map<String, Map<String, IncomingRoute>> incoming = new HashMap<>();
    private final Set<String> declaredNames;
    private final Map<String, String> incomingConnectors;

    /**
     * @param incomingConnectors the connector of each incoming channel, such as {@code smallrye-kafka}
     */
    BridgeRoutes(List<OutgoingRoute> outgoingRoutes, List<IncomingRoute> incomingRoutes, List<String> declaredNames,
            Map<String, String> incomingConnectors) {
        for (OutgoingRoute route : outgoingRoutes) {
            outgoing.computeIfAbsent(route.getChannel(), channel -> new HashMap<>()).put(route.getName(), route);
            outgoingByName.computeIfAbsent(route.getName(), name -> new ArrayList<>()).add(route);
        }
        for (IncomingRoute route : incomingRoutes) {
            incoming.computeIfAbsent(route.getChannel(), channel -> new HashMap<>()).put(route.getName(), route);
        }
        this.declaredNames = new HashSet<>(declaredNames);
        this.incomingConnectors = Map.copyOf(incomingConnectors);
    }

    /**
     * @return the connector of the incoming channel, {@code null} when the build did not know it
     */
    String incomingConnector(String channel) {
        return incomingConnectors.get(channel);
    }

    /**
     * @return the route of the name on that outgoing channel, {@code null} when the name is not selected for it
     */
    OutgoingRoute outgoing(String channel, String name) {
        return outgoing.getOrDefault(channel, Map.of()).get(name);
    }

    /**
     * @return the routes of the name, one for each outgoing channel it is selected for; empty when none
     */
    List<OutgoingRoute> outgoing(String name) {
        return outgoingByName.getOrDefault(name, List.of());
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
