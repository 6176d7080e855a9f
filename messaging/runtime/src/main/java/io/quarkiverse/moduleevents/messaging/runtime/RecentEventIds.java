package io.quarkiverse.moduleevents.messaging.runtime;

import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The (source, id) pairs of the messages received lately, bounded in age and in number, oldest forgotten first. The
 * receiver admits no id longer than 255 characters nor source longer than 1024, so the pairs are bounded in size too.
 */
final class RecentEventIds {

    private final long windowNanos;
    private final int maxEntries;
    private final LongSupplier nanoClock;
    /** in insertion order, so the oldest come first */
    private final LinkedHashMap<String, Long> receivedAt = new LinkedHashMap<>();

    RecentEventIds(Duration window, int maxEntries, LongSupplier nanoClock) {
        this.windowNanos = window.toNanos();
        this.maxEntries = maxEntries;
        this.nanoClock = nanoClock;
    }

    synchronized boolean contains(String source, String id) {
        if (windowNanos <= 0) {
            return false;
        }
        forgetExpired();
        return receivedAt.containsKey(key(source, id));
    }

    synchronized void add(String source, String id) {
        if (windowNanos <= 0 || maxEntries <= 0) {
            return;
        }
        String key = key(source, id);
        receivedAt.remove(key);
        receivedAt.put(key, nanoClock.getAsLong());
        forgetExpired();
        Iterator<String> oldest = receivedAt.keySet().iterator();
        while (receivedAt.size() > maxEntries) {
            oldest.next();
            oldest.remove();
        }
    }

    private void forgetExpired() {
        long now = nanoClock.getAsLong();
        Iterator<Map.Entry<String, Long>> oldest = receivedAt.entrySet().iterator();
        while (oldest.hasNext() && now - oldest.next().getValue() > windowNanos) {
            oldest.remove();
        }
    }

    private static String key(String source, String id) {
        // a source is a URI reference, which never contains a space
        return source + " " + id;
    }
}
