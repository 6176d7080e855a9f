package io.quarkiverse.moduleevents.benchmarks;

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
 * Prints JMH's JSON result of {@link DispatchBenchmark} as a table of ratios and checks the targets of the dispatch
 * suite; also writes the table as AsciiDoc beside the JSON, for the docs page.
 * <p>
 * Usage: {@code java -cp <runner jar> io.quarkiverse.moduleevents.benchmarks.DispatchReport target/jmh-result.json}
 */
public final class DispatchReport {

    private static final List<String> ORDER = List.of("directCall", "arcObserversNotified", "arcPreselectedFire",
            "arcSelectPerFire", "moduleEmitterSend", "moduleEmitterSendWithMetrics", "moduleEmitterSendRobust", "arcFireAsync",
            "moduleEmitterSendAsync", "vertxEventBusLocal", "guavaEventBus", "springMulticaster");
    static final double MAX_SEND_VS_ARC = 1.10;
    private static final double MAX_METERED_VS_SEND = 1.5;
    private static final double MAX_SEND_VS_DIRECT = 3.0;
    // gc.alloc.rate.norm carries a few hundredths of a byte of the profiler's own noise
    private static final double BYTES_TOLERANCE = 0.5;

    private DispatchReport() {
    }

    record Result(String benchmark, int observers, double nanos, double error, double bytes) {
    }

    public static void main(String[] args) throws IOException {
        Path json = Path.of(args.length > 0 ? args[0] : "benchmarks/target/jmh-result.json");
        Map<String, Result> results = read(json);
        StringBuilder text = new StringBuilder();
        StringBuilder adoc = new StringBuilder();
        table(results, text, adoc);
        targets(results, text, adoc);
        System.out.print(text);
        Path adocFile = json.resolveSibling("dispatch-table.adoc");
        Files.writeString(adocFile, adoc);
        System.out.println("AsciiDoc table: " + adocFile);
    }

    static Map<String, Result> read(Path json) throws IOException {
        Map<String, Result> results = new LinkedHashMap<>();
        for (JsonNode run : new ObjectMapper().readTree(json.toFile())) {
            String benchmark = run.get("benchmark").asText();
            benchmark = benchmark.substring(benchmark.lastIndexOf('.') + 1);
            int observers = run.path("params").path("observers").asInt();
            JsonNode primary = run.get("primaryMetric");
            double bytes = Double.NaN;
            var secondary = run.path("secondaryMetrics").fields();
            while (secondary.hasNext()) {
                var metric = secondary.next();
                if (metric.getKey().replace("\u00b7", "").equals("gc.alloc.rate.norm")) {
                    bytes = metric.getValue().get("score").asDouble();
                }
            }
            Result result = new Result(benchmark, observers, primary.get("score").asDouble(),
                    primary.get("scoreError").asDouble(), bytes);
            results.put(key(benchmark, observers), result);
        }
        return results;
    }

    private static void table(Map<String, Result> results, StringBuilder text, StringBuilder adoc) {
        String header = String.format(Locale.ROOT, "%-24s %9s %12s %9s %9s %12s %10s %12s%n", "benchmark",
                "observers", "ns/op", "± (99.9%)", "B/op", "× arc fire", "× direct", "× emitter");
        text.append(header).append("-".repeat(header.length() - 1)).append('\n');
        adoc.append("[cols=\"3,1,2,2,2,2,2,2\",options=\"header\"]\n|===\n")
                .append("|Benchmark |Observers |ns/op |± (99.9 %) |B/op |× `arcPreselectedFire` |× `directCall`"
                        + " |× `moduleEmitterSend`\n");
        for (int observers : new int[] { 1, 10 }) {
            for (String benchmark : ordered(results)) {
                Result result = results.get(key(benchmark, observers));
                if (result == null) {
                    continue;
                }
                String vsArc = ratio(result, results.get(key("arcPreselectedFire", observers)));
                String vsDirect = ratio(result, results.get(key("directCall", observers)));
                String vsEmitter = ratio(result, results.get(key("moduleEmitterSend", observers)));
                text.append(String.format(Locale.ROOT, "%-24s %9d %12s %9s %9s %12s %10s %12s%n", benchmark,
                        observers, number(result.nanos()), number(result.error()), bytes(result.bytes()), vsArc,
                        vsDirect, vsEmitter));
                adoc.append(String.format(Locale.ROOT, "|`%s` |%d |%s |%s |%s |%s |%s |%s%n", benchmark, observers,
                        number(result.nanos()), number(result.error()), bytes(result.bytes()), vsArc, vsDirect,
                        vsEmitter));
            }
        }
        adoc.append("|===\n\n");
    }

    private static void targets(Map<String, Result> results, StringBuilder text, StringBuilder adoc) {
        List<String> lines = new ArrayList<>();
        for (int observers : new int[] { 1, 10 }) {
            Result send = results.get(key("moduleEmitterSend", observers));
            Result arc = results.get(key("arcPreselectedFire", observers));
            if (send != null && arc != null) {
                double ratio = send.nanos() / arc.nanos();
                lines.add(String.format(Locale.ROOT, "moduleEmitterSend ≤ %.2f × arcPreselectedFire, %d observer(s):"
                        + " %.3f → %s", MAX_SEND_VS_ARC, observers, ratio, verdict(ratio <= MAX_SEND_VS_ARC)));
                lines.add(String.format(Locale.ROOT, "moduleEmitterSend allocates no more than arcPreselectedFire,"
                        + " %d observer(s): %s vs %s B/op → %s", observers, bytes(send.bytes()), bytes(arc.bytes()),
                        verdict(send.bytes() <= arc.bytes() + BYTES_TOLERANCE)));
            }
        }
        Result send1 = results.get(key("moduleEmitterSend", 1));
        Result metered1 = results.get(key("moduleEmitterSendWithMetrics", 1));
        if (send1 != null && metered1 != null) {
            double ratio = metered1.nanos() / send1.nanos();
            lines.add(String.format(Locale.ROOT, "moduleEmitterSendWithMetrics ≤ %.1f × moduleEmitterSend, 1 observer:"
                    + " %.3f → %s", MAX_METERED_VS_SEND, ratio, verdict(ratio <= MAX_METERED_VS_SEND)));
        }
        Result send10 = results.get(key("moduleEmitterSend", 10));
        Result direct10 = results.get(key("directCall", 10));
        if (send10 != null && direct10 != null) {
            double ratio = send10.nanos() / direct10.nanos();
            lines.add(String.format(Locale.ROOT, "moduleEmitterSend ≤ %.0f × directCall, 10 observers: %.2f → %s",
                    MAX_SEND_VS_DIRECT, ratio, verdict(ratio <= MAX_SEND_VS_DIRECT)));
        }
        for (int observers : new int[] { 1, 10 }) {
            Result send = results.get(key("moduleEmitterSend", observers));
            Result sendAsync = results.get(key("moduleEmitterSendAsync", observers));
            for (String other : List.of("vertxEventBusLocal", "guavaEventBus", "springMulticaster", "arcFireAsync")) {
                Result result = results.get(key(other, observers));
                Result against = other.equals("vertxEventBusLocal") || other.equals("arcFireAsync") ? sendAsync : send;
                if (result != null && against != null) {
                    lines.add(String.format(Locale.ROOT, "%s / %s, %d observer(s): %.2f", other,
                            against.benchmark(), observers, result.nanos() / against.nanos()));
                }
            }
        }
        text.append('\n');
        for (String line : lines) {
            text.append(line).append('\n');
            adoc.append("* ").append(line).append('\n');
        }
    }

    private static List<String> ordered(Map<String, Result> results) {
        List<String> names = new ArrayList<>(ORDER);
        for (Result result : results.values()) {
            if (!names.contains(result.benchmark())) {
                names.add(result.benchmark());
            }
        }
        return names;
    }

    private static String key(String benchmark, int observers) {
        return benchmark + "/" + observers;
    }

    private static String ratio(Result result, Result reference) {
        return reference == null ? "" : String.format(Locale.ROOT, "%.2f", result.nanos() / reference.nanos());
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, value < 100 ? "%.1f" : "%,.0f", value);
    }

    private static String bytes(double value) {
        return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.0f", value);
    }

    static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
