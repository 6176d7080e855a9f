package io.quarkiverse.moduleevents.benchmarks.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints JMH's JSON result of {@link RelayThroughputBenchmark} as a table of events per second and of the relay's
 * rate as a fraction of the plain connector's, measured with the same parameters; also writes the table as AsciiDoc
 * beside the JSON, for the docs page.
 * <p>
 * Usage: {@code java -cp <runner jar> io.quarkiverse.moduleevents.benchmarks.relay.RelayReport <jmh-result.json>}
 */
public final class RelayReport {

    static final String OUTBOX = "outboxRelay";
    static final String PLAIN = "plainConnector";
    /**
     * RabbitMQ's Publisher Confirms tutorial (Java client): 50,000 small messages, a wait for the confirms after each
     * batch of 100, in 2,331 ms with client and broker on one machine.
     */
    static final String RABBITMQ_REFERENCE = "RabbitMQ, publisher confirms awaited per batch of 100: its"
            + " tutorial's published figure (50,000 messages in 2,331 ms, client and broker on one machine), another"
            + " broker on another machine, for scale only";
    static final double RABBITMQ_MESSAGES_PER_SECOND = 50_000 / 2.331;

    private RelayReport() {
    }

    record Result(String benchmark, String relayBatchSize, String eventsPerOrder, String synchronousCommit,
            double eventsPerSecond, double error) {

        String parameters() {
            return relayBatchSize + "/" + eventsPerOrder + "/" + synchronousCommit;
        }
    }

    public static void main(String[] args) throws IOException {
        Path json = Path.of(args.length > 0 ? args[0] : "benchmarks/relay/target/jmh-result.json");
        List<Result> results = read(json);
        StringBuilder text = new StringBuilder();
        StringBuilder adoc = new StringBuilder();
        String header = String.format(Locale.ROOT, "%-16s %11s %16s %11s %12s %11s %18s%n", "benchmark",
                "relay batch", "events per order", "sync commit", "events/s", "± (99.9%)", "× plainConnector");
        text.append(header).append("-".repeat(header.length() - 1)).append('\n');
        adoc.append("[cols=\"3,1,1,1,2,2,2\",options=\"header\"]\n|===\n")
                .append("|Benchmark |Relay batch size |Events per order |`synchronous_commit` |Events/s")
                .append(" |± (99.9 %) |× `plainConnector`\n");
        for (Map<String, Result> sameParameters : byParameters(results).values()) {
            Result plain = sameParameters.get(PLAIN);
            for (String benchmark : List.of(OUTBOX, PLAIN)) {
                Result result = sameParameters.get(benchmark);
                if (result == null) {
                    continue;
                }
                String ratio = plain == null ? ""
                        : String.format(Locale.ROOT, "%.3f", result.eventsPerSecond() / plain.eventsPerSecond());
                String rate = String.format(Locale.ROOT, "%,.0f", result.eventsPerSecond());
                // JMH gives no error for fewer than two measured iterations
                String error = Double.isNaN(result.error()) ? "" : String.format(Locale.ROOT, "%,.0f", result.error());
                text.append(String.format(Locale.ROOT, "%-16s %11s %16s %11s %12s %11s %18s%n", benchmark,
                        result.relayBatchSize(), result.eventsPerOrder(), result.synchronousCommit(), rate, error,
                        ratio));
                adoc.append(String.format(Locale.ROOT, "|`%s` |%s |%s |%s |%s |%s |%s%n", benchmark,
                        result.relayBatchSize(), result.eventsPerOrder(), result.synchronousCommit(), rate, error,
                        ratio));
            }
        }
        text.append(String.format(Locale.ROOT, "%nFor scale: about %,.0f messages/s, %s%n",
                RABBITMQ_MESSAGES_PER_SECOND, RABBITMQ_REFERENCE));
        adoc.append(String.format(Locale.ROOT, "7+|For scale: about %,.0f messages/s, %s%n|===%n",
                RABBITMQ_MESSAGES_PER_SECOND, RABBITMQ_REFERENCE));
        System.out.print(text);
        Path adocFile = json.resolveSibling("relay-table.adoc");
        Files.writeString(adocFile, adoc);
        System.out.println("AsciiDoc table: " + adocFile);
    }

    static List<Result> read(Path json) throws IOException {
        List<Result> results = new ArrayList<>();
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String benchmark = run.get("benchmark").asText();
            JsonNode params = run.path("params");
            JsonNode primary = run.get("primaryMetric");
            results.add(new Result(benchmark.substring(benchmark.lastIndexOf('.') + 1),
                    params.path("relayBatchSize").asText(), params.path("eventsPerOrder").asText(),
                    params.path("synchronousCommit").asText(), primary.get("score").asDouble(),
                    primary.get("scoreError").asDouble()));
        }
        return results;
    }

    /** The results grouped by their parameters, in the order JMH ran them; each group by benchmark. */
    private static Map<String, Map<String, Result>> byParameters(List<Result> results) {
        Map<String, Map<String, Result>> groups = new LinkedHashMap<>();
        for (Result result : results) {
            groups.computeIfAbsent(result.parameters(), parameters -> new LinkedHashMap<>())
                    .put(result.benchmark(), result);
        }
        return groups;
    }
}
