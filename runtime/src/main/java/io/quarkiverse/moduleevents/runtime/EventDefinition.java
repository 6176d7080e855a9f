package io.quarkiverse.moduleevents.runtime;

import java.util.List;

/**
 * One declared event, as the build found it; made by the module's generated {@link ModuleEventTable}.
 */
public final class EventDefinition {

    private final String key;
    private final String name;
    private final Class<?> payloadType;
    private final boolean received;
    private final List<String> patterns;

    /**
     * @param key the constant's field name
     * @param name the event name
     * @param payloadType the declared payload type, {@code null} when the event has no {@code @Payload}
     * @param received whether any observer method can receive the event
     * @param patterns the receiver patterns that match the name, sorted
     */
    public EventDefinition(String key, String name, Class<?> payloadType, boolean received, String[] patterns) {
        this.key = key;
        this.name = name;
        this.payloadType = payloadType;
        this.received = received;
        this.patterns = List.of(patterns);
    }

    public String getKey() {
        return key;
    }

    public String getName() {
        return name;
    }

    public Class<?> getPayloadType() {
        return payloadType;
    }

    public boolean isReceived() {
        return received;
    }

    public List<String> getPatterns() {
        return patterns;
    }
}
