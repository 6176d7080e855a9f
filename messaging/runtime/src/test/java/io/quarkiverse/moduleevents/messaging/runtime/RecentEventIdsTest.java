package io.quarkiverse.moduleevents.messaging.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RecentEventIdsTest {

    private static final Duration WINDOW = Duration.ofSeconds(10);

    private final AtomicLong now = new AtomicLong();

    @Test
    void anAddedIdIsContained() {
        RecentEventIds ids = ids(WINDOW, 10);
        assertFalse(ids.contains("urn:user", "1"));
        ids.add("urn:user", "1");
        assertTrue(ids.contains("urn:user", "1"));
        assertFalse(ids.contains("urn:user", "2"));
    }

    @Test
    void anIdIsRememberedPerSource() {
        RecentEventIds ids = ids(WINDOW, 10);
        ids.add("urn:user", "1");
        assertFalse(ids.contains("urn:order", "1"));
        ids.add("urn:order", "1");
        assertTrue(ids.contains("urn:order", "1"));
        assertTrue(ids.contains("urn:user", "1"));
    }

    @Test
    void pairsThatJoinToTheSameTextStayApart() {
        RecentEventIds ids = ids(WINDOW, 10);
        ids.add("urn:ab", "c");
        assertFalse(ids.contains("urn:a", "bc"));
    }

    @Test
    void anIdMayContainSpaces() {
        // a source is a URI, which never contains a space, so the key's separator cannot be confused
        RecentEventIds ids = ids(WINDOW, 10);
        ids.add("urn:user", "a b");
        assertTrue(ids.contains("urn:user", "a b"));
        assertFalse(ids.contains("urn:user", "a"));
        assertFalse(ids.contains("urn:user:a", "b"));
    }

    @Test
    void anIdIsRememberedForTheWholeWindowAndForgottenAfterIt() {
        RecentEventIds ids = ids(WINDOW, 10);
        ids.add("urn:user", "1");
        advance(WINDOW);
        assertTrue(ids.contains("urn:user", "1"));
        advance(Duration.ofNanos(1));
        assertFalse(ids.contains("urn:user", "1"));
    }

    @Test
    void onlyTheIdsOlderThanTheWindowAreForgotten() {
        RecentEventIds ids = ids(WINDOW, 10);
        ids.add("urn:user", "1");
        advance(Duration.ofSeconds(5));
        ids.add("urn:user", "2");
        advance(Duration.ofSeconds(6));
        assertFalse(ids.contains("urn:user", "1"));
        assertTrue(ids.contains("urn:user", "2"));
    }

    @Test
    void anIdReceivedAgainIsRememberedFromItsLastReception() {
        RecentEventIds ids = ids(WINDOW, 10);
        ids.add("urn:user", "1");
        advance(Duration.ofSeconds(6));
        ids.add("urn:user", "1");
        advance(Duration.ofSeconds(6));
        assertTrue(ids.contains("urn:user", "1"));
        advance(Duration.ofSeconds(5));
        assertFalse(ids.contains("urn:user", "1"));
    }

    @Test
    void beyondTheMaximumTheOldestIdIsForgottenFirst() {
        RecentEventIds ids = ids(WINDOW, 2);
        ids.add("urn:user", "1");
        ids.add("urn:order", "2");
        ids.add("urn:user", "3");
        assertFalse(ids.contains("urn:user", "1"));
        assertTrue(ids.contains("urn:order", "2"));
        assertTrue(ids.contains("urn:user", "3"));
    }

    @Test
    void anIdReceivedAgainBecomesTheNewestForTheMaximum() {
        RecentEventIds ids = ids(WINDOW, 2);
        ids.add("urn:user", "1");
        ids.add("urn:user", "2");
        ids.add("urn:user", "1");
        ids.add("urn:user", "3");
        assertTrue(ids.contains("urn:user", "1"));
        assertFalse(ids.contains("urn:user", "2"));
        assertTrue(ids.contains("urn:user", "3"));
    }

    @Test
    void aClockPassingItsLargestValueKeepsTheWindow() {
        now.set(Long.MAX_VALUE - Duration.ofSeconds(1).toNanos());
        RecentEventIds ids = ids(WINDOW, 10);
        ids.add("urn:user", "1");
        advance(Duration.ofSeconds(2));
        assertTrue(now.get() < 0);
        assertTrue(ids.contains("urn:user", "1"));
        advance(Duration.ofSeconds(9));
        assertFalse(ids.contains("urn:user", "1"));
    }

    @Test
    void aZeroWindowRemembersNothing() {
        RecentEventIds ids = ids(Duration.ZERO, 10);
        ids.add("urn:user", "1");
        assertFalse(ids.contains("urn:user", "1"));
    }

    @Test
    void aZeroMaximumRemembersNothing() {
        RecentEventIds ids = ids(WINDOW, 0);
        ids.add("urn:user", "1");
        assertFalse(ids.contains("urn:user", "1"));
    }

    private RecentEventIds ids(Duration window, int maxEntries) {
        return new RecentEventIds(window, maxEntries, now::get);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
