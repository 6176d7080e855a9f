package io.quarkiverse.moduleevents.runtime;

import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Singleton;

/**
 * In test mode, the listener that keeps every event sent, for {@code SentEvents} to read. Thread-safe.
 */
@Singleton
public class SentEventList implements SendListener {

    private final List<Sent> sent = new ArrayList<>();

    @Override
    public synchronized void sending(String module, String name, Object payload) {
        sent.add(new Sent(name, payload));
    }

    public synchronized List<String> names() {
        return sent.stream().map(Sent::name).toList();
    }

    public synchronized List<Object> payloads(String name) {
        return sent.stream().filter(event -> event.name().equals(name)).map(Sent::payload).toList();
    }

    public synchronized void clear() {
        sent.clear();
    }

    private record Sent(String name, Object payload) {
    }
}
