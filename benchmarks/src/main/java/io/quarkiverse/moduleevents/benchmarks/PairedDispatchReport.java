package io.quarkiverse.moduleevents.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Compares {@code moduleEmitterSend} with {@code arcPreselectedFire} at one receiver from pairs of single-fork runs
 * that {@code benchmarks/run.sh dispatch-pairs} makes one right after the other, in alternating order. The host this
 * machine shares slows both benchmarks alike for tens of seconds at a time (from about 13 to 20 ns); one benchmark's
 * forks all run before the other's in an ordinary JMH run, so such a spell lands on one side. Here each pair's ratio
 * compares two runs a few seconds apart, and the median of the ratios leaves out the pairs a spell split.
 * <p>
 * Usage: {@code java -cp <runner jar> io.quarkiverse.moduleevents.benchmarks.PairedDispatchReport <directory>}, the
 * directory holding {@code <pair>-arcPreselectedFire.json} and {@code <pair>-moduleEmitterSend.json}; writes
 * {@code pairs-result.json} there.
 */
public final class PairedDispatchReport {

    static final String FIRE = "arcPreselectedFire";
    static final String SEND = "moduleEmitterSend";

    private PairedDispatchReport() {
    }

    record Pair(int number, double[] fire, double[] send) {

        double ratio() {
            return mean(send) / mean(fire);
        }
    }

    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args.length > 0 ? args[0] : "benchmarks/target/dispatch-pairs");
        List<Pair> pairs = read(directory);
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("No pair of " + FIRE + " and " + SEND + " results in " + directory);
        }
        ObjectMapper json = new ObjectMapper();
        ObjectNode result = json.createObjectNode();
        ArrayNode pairNodes = result.putArray("pairs");
        System.out.printf(Locale.ROOT, "%4s %10s %10s %7s   iterations (ns/op)%n", "pair", FIRE, SEND, "ratio");
        List<Double> ratios = new ArrayList<>();
        for (Pair pair : pairs) {
            ratios.add(pair.ratio());
            System.out.printf(Locale.ROOT, "%4d %10.2f %10.2f %7.3f   fire %s | send %s%n", pair.number(),
                    mean(pair.fire()), mean(pair.send()), pair.ratio(), formatted(pair.fire()),
                    formatted(pair.send()));
            pairNodes.addObject().put("pair", pair.number()).put("fireNanos", mean(pair.fire()))
                    .put("sendNanos", mean(pair.send())).put("ratio", pair.ratio());
        }
        double medianRatio = median(ratios.stream().mapToDouble(Double::doubleValue).toArray());
        result.put("medianRatio", medianRatio).put("target", DispatchReport.MAX_SEND_VS_ARC);
        System.out.printf(Locale.ROOT, "%nmoduleEmitterSend ≤ %.2f × arcPreselectedFire, 1 observer, median of %d"
                + " pairs: %.3f → %s%n", DispatchReport.MAX_SEND_VS_ARC, pairs.size(), medianRatio,
                DispatchReport.verdict(medianRatio <= DispatchReport.MAX_SEND_VS_ARC));
        Path resultFile = directory.resolve("pairs-result.json");
        json.writerWithDefaultPrettyPrinter().writeValue(resultFile.toFile(), result);
        System.out.println("Result: " + resultFile);
    }

    static List<Pair> read(Path directory) throws IOException {
        List<Pair> pairs = new ArrayList<>();
        for (int number = 1;; number++) {
            Path fire = directory.resolve(number + "-" + FIRE + ".json");
            Path send = directory.resolve(number + "-" + SEND + ".json");
            if (!Files.exists(fire) || !Files.exists(send)) {
                return pairs;
            }
            pairs.add(new Pair(number, iterations(fire), iterations(send)));
        }
    }

    private static double[] iterations(Path json) throws IOException {
        JsonNode runs = new ObjectMapper().readTree(json.toFile());
        if (runs.size() != 1) {
            throw new IllegalArgumentException(json + " holds " + runs.size() + " results, not one");
        }
        List<Double> values = new ArrayList<>();
        for (JsonNode fork : runs.get(0).path("primaryMetric").path("rawData")) {
            fork.forEach(iteration -> values.add(iteration.asDouble()));
        }
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static String formatted(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double value : values) {
            text.append(String.format(Locale.ROOT, "%5.1f", value));
        }
        return text.toString();
    }

    static double mean(double[] values) {
        return Arrays.stream(values).average().orElseThrow();
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
