package io.quarkiverse.moduleevents.benchmarks.springmodulith.driver;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The driver's side of the HTTP contract. */
final class BenchClient {

    private static final Duration POLL = Duration.ofMillis(100);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private final URI base;

    BenchClient(int port) {
        this.base = URI.create("http://127.0.0.1:" + port);
    }

    /** Sends {@code count} orders, from id {@code first} on; returns when the last transaction committed. */
    SendTimings send(long first, int count) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/orders?first=" + first + "&count=" + count))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        return json.readValue(ok(http.send(request, HttpResponse.BodyHandlers.ofString())), SendTimings.class);
    }

    Summary summary() throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(base.resolve("/effects/summary")).GET().build();
        return json.readValue(ok(http.send(request, HttpResponse.BodyHandlers.ofString())), Summary.class);
    }

    /** Polls the summary until it satisfies {@code settled}. */
    Summary await(Predicate<Summary> settled, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Summary summary = summary();
        while (!settled.test(summary)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Not settled after " + timeout + ": " + summary);
            }
            Thread.sleep(POLL.toMillis());
            summary = summary();
        }
        return summary;
    }

    boolean answers() throws InterruptedException {
        try {
            summary();
            return true;
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private static String ok(HttpResponse<String> response) {
        if (response.statusCode() != 200) {
            throw new IllegalStateException(response.uri() + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    record SendTimings(int count, long firstSendAtMicros, long sendNanos) {

        double sendsPerSecond() {
            return count * 1e9 / sendNanos;
        }
    }

    record Summary(long orders, long effects, long distinctEffects, long missing, long duplicated, long pending,
            long lastEffectAtMicros) {

        /** Every committed order has its effect and no publication is outstanding. */
        boolean settled() {
            return missing == 0 && pending == 0;
        }
    }
}
