package io.quarkiverse.moduleevents.benchmarks.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Prints JMH's JSON result of {@link BusinessTransactionBenchmark} or {@link BacklogDrainBenchmark} (or both) as a
 * table of rates, each case against its baseline measured in the same run with the same parameters, and whether the
 * target is met; also writes the table as AsciiDoc beside the JSON, for the docs page.
 * <ul>
 * <li>{@code orderWithEvent} against {@code orderOnly}: how many times as long a business transaction takes when it
 * sends a bridged event, target at most {@value #TRANSACTION_TARGET};</li>
 * <li>{@code outboxRelay} against {@code plainConnector}: the relay's drain rate as a fraction of the connector's,
 * target at least {@value #DRAIN_TARGET}.</li>
 * </ul>
 * Usage: {@code java -cp <runner jar> io.quarkiverse.moduleevents.benchmarks.relay.OutboxCostReport <result.json>}
 */
public final class OutboxCostReport {

    static final double TRANSACTION_TARGET = 1.3;
    static final double DRAIN_TARGET = 0.5;

    private OutboxCostReport() {
    }

    /**
     * @param rate per second: transactions, or events
     * @param error the half-width of the score's 99.9 % interval, relative to the score; NaN when JMH gave none
     */
    record Result(String benchmark, String parameters, double rate, double error) {
    }

    /**
     * A case and the baseline it is compared with.
     *
     * @param timeRatio whether the ratio is of the times (baseline rate / case rate) rather than of the rates
     */
    record Comparison(String benchmark, String baseline, String unit, boolean timeRatio, String target,
            double targetValue) {

        double ratio(Result result, Result base) {
            return timeRatio ? base.rate() / result.rate() : result.rate() / base.rate();
        }

        boolean met(double ratio) {
            return timeRatio ? ratio <= targetValue : ratio >= targetValue;
        }
    }

    static final List<Comparison> COMPARISONS = List.of(
            new Comparison("orderWithEvent", "orderOnly", "transactions", true, "≤ " + TRANSACTION_TARGET + " ×",
                    TRANSACTION_TARGET),
            new Comparison("outboxRelay", "plainConnector", "events", false, "≥ " + DRAIN_TARGET + " ×",
                    DRAIN_TARGET));

    public static void main(String[] args) throws IOException {
        Path json = Path.of(args.length > 0 ? args[0] : "benchmarks/relay/target/cost-result.json");
        List<Result> results = read(json);
        String format = "%-16s %-16s %-40s %16s %9s %12s %8s %5s%n";
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT, format, "benchmark", "baseline",
                "parameters", "rate (/s)", "±", "× baseline", "target", "met"));
        StringBuilder adoc = new StringBuilder("[cols=\"2,2,3,2,1,2,1,1\",options=\"header\"]\n|===\n"
                + "|Benchmark |Baseline |Parameters |Rate (/s) |± (99.9 %) |× baseline |Target |Met\n");
        for (Comparison comparison : COMPARISONS) {
            for (Result base : results) {
                if (!base.benchmark().equals(comparison.baseline())) {
                    continue;
                }
                for (Result result : results) {
                    if (result.benchmark().equals(comparison.benchmark())
                            && result.parameters().equals(base.parameters())) {
                        double ratio = comparison.ratio(result, base);
                        String met = comparison.met(ratio) ? "yes" : "no";
                        for (Result row : List.of(result, base)) {
                            String rate = String.format(Locale.ROOT, "%,.0f %s", row.rate(), comparison.unit());
                            String error = Double.isNaN(row.error()) ? ""
                                    : String.format(Locale.ROOT, "%.1f %%", 100 * row.error());
                            boolean isCase = row == result;
                            String ratioText = isCase ? String.format(Locale.ROOT, "%.2f", ratio) : "";
                            text.append(String.format(Locale.ROOT, format, row.benchmark(), isCase ? base.benchmark()
                                    : "", row.parameters(), rate, error, ratioText, isCase ? comparison.target() : "",
                                    isCase ? met : ""));
                            adoc.append(String.format(Locale.ROOT, "|`%s` |%s |%s |%s |%s |%s |%s |%s%n",
                                    row.benchmark(), isCase ? "`" + base.benchmark() + "`" : "", row.parameters(),
                                    rate, error, ratioText, isCase ? comparison.target() : "", isCase ? met : ""));
                        }
                    }
                }
            }
        }
        adoc.append("|===\n");
        System.out.print(text);
        Path adocFile = json.resolveSibling(json.getFileName().toString().replace(".json", "") + "-table.adoc");
        Files.writeString(adocFile, adoc);
        System.out.println("AsciiDoc table: " + adocFile);
    }

    /**
     * Reads the results as rates per second: JMH's throughput as it is, a time per operation (the single-shot drains,
     * in microseconds per event) inverted.
     */
    static List<Result> read(Path json) throws IOException {
        List<Result> results = new ArrayList<>();
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String benchmark = run.get("benchmark").asText();
            JsonNode primary = run.get("primaryMetric");
            double score = primary.get("score").asDouble();
            double error = primary.get("scoreError").asDouble() / score;
            String unit = primary.get("scoreUnit").asText();
            double rate = unit.startsWith("us/") ? 1e6 / score : unit.startsWith("ops/s") ? score : Double.NaN;
            List<String> parameters = new ArrayList<>();
            run.path("params").fields().forEachRemaining(
                    parameter -> parameters.add(parameter.getKey() + "=" + parameter.getValue().asText()));
            results.add(new Result(benchmark.substring(benchmark.lastIndexOf('.') + 1), String.join(" ", parameters),
                    rate, error));
        }
        return results;
    }
}
