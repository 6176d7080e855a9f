package io.quarkiverse.moduleevents.benchmarks.springmodulith.driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.quarkiverse.moduleevents.benchmarks.springmodulith.driver.SideBySideDriver.CrashResult;
import io.quarkiverse.moduleevents.benchmarks.springmodulith.driver.SideBySideDriver.ThroughputResult;

/** The driver's results as two AsciiDoc tables: rates (median and range over the rounds), and the crash scenario. */
final class ResultsTable {

    private final String application;
    private final String crashPoint;
    private final Options options;
    private final List<ThroughputResult> throughput = new ArrayList<>();
    private final List<CrashResult> crashes = new ArrayList<>();

    ResultsTable(ApplicationUnderTest application, Options options) {
        this.application = application.name();
        this.crashPoint = application.crashPoint(options.crashAt());
        this.options = options;
    }

    void add(ThroughputResult result) {
        throughput.add(result);
    }

    void add(CrashResult result) {
        crashes.add(result);
    }

    String render() {
        StringBuilder out = new StringBuilder();
        if (!throughput.isEmpty()) {
            renderThroughput(out);
        }
        if (!crashes.isEmpty()) {
            renderCrashes(out);
        }
        return out.toString();
    }

    private void renderThroughput(StringBuilder out) {
        out.append(String.format(Locale.ROOT,
                ".%s: one sender thread, %,d events per round, %d rounds after %,d warm-up events, "
                        + "synchronous_commit=%s; median (lowest-highest)%n",
                application, options.events(), options.rounds(), options.warmup(), options.synchronousCommit()));
        out.append("[cols=\"4,2,1,1,2,1,1\",options=\"header\"]\n|===\n")
                .append("|Case |Sending transactions/s |µs per sending transaction |µs added to it "
                        + "|Completions/s, first send to last effect row |Orders with two effect rows |Load average at start\n");
        Double baseline = throughput.stream().filter(r -> !r.c().hasListener()).findFirst()
                .map(r -> 1e6 / median(r.sendRates())).orElse(null);
        for (ThroughputResult result : throughput) {
            double micros = 1e6 / median(result.sendRates());
            out.append('|').append(result.c().label())
                    .append(" |").append(spread(result.sendRates()))
                    .append(" |").append(String.format(Locale.ROOT, "%.0f", micros))
                    .append(" |").append(baseline == null || !result.c().hasListener() ? "-"
                            : String.format(Locale.ROOT, "%+.0f", micros - baseline))
                    .append(" |").append(result.completionRates().isEmpty() ? "-" : spread(result.completionRates()))
                    .append(" |").append(result.c().hasListener() ? String.valueOf(result.duplicated()) : "-")
                    .append(" |").append(result.load())
                    .append('\n');
        }
        out.append("|===\n\n");
    }

    private void renderCrashes(StringBuilder out) {
        out.append(String.format(Locale.ROOT,
                ".%s: of %,d orders to send, the process halted (exit code 137), ending the sending, %s; then "
                        + "restarted until no publication was outstanding%n",
                application, options.events(), crashPoint));
        out.append("[cols=\"4,1,1,1,1,1,1\",options=\"header\"]\n|===\n")
                .append("|Case |Exit code |Orders committed |Effect rows |Lost: orders without an effect row "
                        + "|Repeated: orders with two or more effect rows |Load average at start\n");
        for (CrashResult result : crashes) {
            out.append('|').append(result.c().label())
                    .append(" |").append(result.exitCode())
                    .append(" |").append(String.format(Locale.ROOT, "%,d", result.after().orders()))
                    .append(" |").append(String.format(Locale.ROOT, "%,d", result.after().effects()))
                    .append(" |").append(result.after().missing())
                    .append(" |").append(result.after().duplicated())
                    .append(" |").append(result.load())
                    .append('\n');
        }
        out.append("|===\n");
    }

    private static String spread(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(Locale.ROOT, "%,.0f (%,.0f-%,.0f)", median(values), sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
