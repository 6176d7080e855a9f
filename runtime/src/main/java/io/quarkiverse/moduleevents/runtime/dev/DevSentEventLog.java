package io.quarkiverse.moduleevents.runtime.dev;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import jakarta.inject.Singleton;

import io.quarkiverse.moduleevents.ReceiverFailure;
import io.quarkiverse.moduleevents.runtime.SendListener;

/**
 * Keeps the last events sent in dev mode, with the receivers that ran and those that failed, for the Dev UI.
 */
@Singleton
public class DevSentEventLog implements SendListener {

    static final int CAPACITY = 100;
    private static final int PAYLOAD_SUMMARY_LENGTH = 200;

    private final Deque<SentEvent> events = new ArrayDeque<>();

    @Override
    public void sending(String module, String name, Object payload) {
    }

    @Override
    public synchronized void sent(String module, String name, Object payload, List<String> receivers,
            List<ReceiverFailure> failures) {
        List<Receiver> ran = new ArrayList<>();
        for (String receiver : receivers) {
            ReceiverFailure failure = failures.stream().filter(f -> f.receiver().equals(receiver)).findFirst()
                    .orElse(null);
            ran.add(new Receiver(receiver, failure == null ? null : String.valueOf(failure.error())));
        }
        if (events.size() == CAPACITY) {
            events.removeLast();
        }
        events.addFirst(new SentEvent(Instant.now().toString(), module, name, summary(payload), ran));
    }

    /**
     * @return the last events sent, newest first
     */
    public synchronized List<SentEvent> events() {
        return List.copyOf(events);
    }

    public synchronized void clear() {
        events.clear();
    }

    private static String summary(Object payload) {
        String text = String.valueOf(payload);
        return text.length() <= PAYLOAD_SUMMARY_LENGTH ? text : text.substring(0, PAYLOAD_SUMMARY_LENGTH) + "…";
    }

    /**
     * @param time when it was sent, ISO-8601
     * @param payload the payload's {@code toString()}, cut to 200 characters
     * @param receivers the receivers that ran, in order
     */
    public record SentEvent(String time, String module, String name, String payload, List<Receiver> receivers) {
    }

    /**
     * @param method the receiver, as {@code class#method}
     * @param error what it threw, {@code null} when it returned normally
     */
    public record Receiver(String method, String error) {
    }
}
