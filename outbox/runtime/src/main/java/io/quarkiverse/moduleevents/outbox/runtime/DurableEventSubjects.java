package io.quarkiverse.moduleevents.outbox.runtime;

import java.util.Map;

/**
 * The JSON property of each event's {@code @EventSubject} member, found at build time, by event name: the subject of
 * a durable receiver's record, which orders the records of one receiver and one subject.
 */
public final class DurableEventSubjects {

    private final Map<String, String> properties;

    /**
     * @param properties the JSON property of the payload's {@code @EventSubject} member, by event name; an event whose
     *        payload has none is absent
     */
    public DurableEventSubjects(Map<String, String> properties) {
        this.properties = Map.copyOf(properties);
    }

    /**
     * @return the JSON property of the event's subject, {@code null} when its payload has none
     */
    String propertyOf(String name) {
        return properties.get(name);
    }
}
