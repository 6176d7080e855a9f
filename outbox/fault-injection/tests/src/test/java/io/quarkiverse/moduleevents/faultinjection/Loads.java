package io.quarkiverse.moduleevents.faultinjection;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkiverse.moduleevents.testsupport.ServiceProcess;

/**
 * The orders a scenario places through processes that run the producer's sources: {@code POST /load} starts a range in
 * the background, {@code GET /load} tells how far it got. Keeps every business id attempted, and each process's last
 * range, to place it again after a restart (committed orders are skipped).
 */
final class Loads {

    private final String prefix;
    private final List<String> attempted = new ArrayList<>();
    private final Map<ServiceProcess, String> lastRange = new HashMap<>();

    Loads(String prefix) {
        this.prefix = prefix;
    }

    /** Every business id attempted, in order, each once. */
    List<String> attempted() {
        return attempted;
    }

    void start(ServiceProcess target, int from, int to, String options) throws IOException {
        for (int sequence = from; sequence <= to; sequence++) {
            String id = FaultInjectionScenarios.businessId(prefix, sequence);
            if (!attempted.contains(id)) {
                attempted.add(id);
            }
        }
        lastRange.put(target, "/load?prefix=" + prefix + "&from=" + from + "&to=" + to + options);
        startAgain(target);
    }

    /** Starts the target's last range again, if it had one. */
    void startAgain(ServiceProcess target) throws IOException {
        String range = lastRange.get(target);
        if (range != null) {
            String response = target.post(range).body();
            if (!response.contains("\"running\":true")) {
                throw new IllegalStateException("The load did not start on " + target.name() + ": " + response);
            }
        }
    }

    /** Starts the range and waits until it is done. */
    void run(ServiceProcess target, int from, int to, String options) throws IOException {
        start(target, from, to, options);
        awaitDone(target);
    }

    void awaitDone(ServiceProcess target) {
        FaultInjectionScenarios.await(target.name() + " done", () -> !running(target));
    }

    /** Whether the target runs a load, or does not answer. */
    boolean running(ServiceProcess target) {
        return !http(target, "/load").contains("\"running\":false");
    }

    /** A counter of {@code GET /load}: committed, rolledBack, failed, ... */
    long status(ServiceProcess target, String field) {
        return number(http(target, "/load"), field);
    }

    /** What {@code GET path} answers; empty when the target does not answer. */
    static String http(ServiceProcess target, String path) {
        try {
            return target.get(path).body();
        } catch (IOException e) {
            return "";
        }
    }

    /** A number in a JSON answer; -1 when it is not there. */
    static long number(String json, String field) {
        Matcher matcher = Pattern.compile("\"" + Pattern.quote(field) + "\":(\\d+)").matcher(json);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
