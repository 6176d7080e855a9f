package io.quarkiverse.moduleevents.runtime.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.quarkiverse.moduleevents.runtime.dev.DevSentEventLog.SentEvent;

/**
 * The Dev UI's Sent events page keeps the last 100 events, newest first.
 */
class DevSentEventLogTest {

    private final DevSentEventLog log = new DevSentEventLog();

    @Test
    void keepsTheLastHundredNewestFirstAndForgetsTheOldest() {
        IntStream.range(0, 101).forEach(this::send);

        List<String> payloads = log.events().stream().map(SentEvent::payload).toList();
        assertEquals(IntStream.iterate(100, i -> i >= 1, i -> i - 1).mapToObj(String::valueOf).toList(), payloads);
    }

    @Test
    void belowTheBoundKeepsEverything() {
        IntStream.range(0, 100).forEach(this::send);

        assertEquals(100, log.events().size());
        assertEquals("0", log.events().get(99).payload());
    }

    private void send(int number) {
        log.sent("shop", "shop:order:placed", number, List.of(), List.of());
    }
}
