package io.quarkiverse.moduleevents.runtime;

import java.util.List;

import io.quarkus.runtime.annotations.RecordableConstructor;

/**
 * One declared event, as the build recorded it.
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
    @RecordableConstructor
    public EventDefinition(String key, String name, Class<?> payloadType, boolean received, List<String> patterns) {
        this.key = key;
        this.name = name;
        this.payloadType = payloadType;
        this.received = received;
        this.patterns = List.copyOf(patterns);
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
