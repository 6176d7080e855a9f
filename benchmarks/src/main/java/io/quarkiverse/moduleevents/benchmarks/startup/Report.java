package io.quarkiverse.moduleevents.benchmarks.startup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

import io.quarkiverse.moduleevents.benchmarks.startup.AppGenerator.Size;
import io.quarkiverse.moduleevents.benchmarks.startup.AppGenerator.Variant;
import io.quarkiverse.moduleevents.benchmarks.startup.StartupBenchmark.AppResult;
import io.quarkiverse.moduleevents.benchmarks.startup.StartupBenchmark.BuildSample;
import io.quarkiverse.moduleevents.benchmarks.startup.StartupBenchmark.StartSample;

/**
 * Medians and deltas of the start-up benchmark, as text, AsciiDoc and JSON, with the targets checked.
 */
final class Report {

    static final double MAX_START_DELTA_MILLIS = 5;
    static final double MAX_HEAP_DELTA_BYTES = 2 * 1024 * 1024;
    /** How fast the build steps may grow with the number of events: 1 is linear, 2 quadratic. */
    static final double MAX_GROWTH_EXPONENT = 1.25;

    private final List<Size> sizes;
    private final Map<String, AppResult> results;

    Report(List<Size> sizes, Map<String, AppResult> results) {
        this.sizes = sizes;
        this.results = results;
    }

    String text() {
        StringBuilder out = new StringBuilder("\n");
        out.append(String.format(Locale.ROOT, "%-10s %7s %9s | %12s %10s | %11s %11s %9s%n", "M×E×R", "events",
                "receivers", "our steps ms", "µs/event", "augm. base", "augm. ext", "Δ ms"));
        for (Size size : sizes) {
            out.append(String.format(Locale.ROOT, "%-10s %7d %9d | %12.1f %10.2f | %11.0f %11.0f %+9.0f%n", size,
                    size.totalEvents(), size.totalReceivers(), ourSteps(size), ourSteps(size) * 1000 / size.totalEvents(),
                    augmentation(size, Variant.BASELINE), augmentation(size, Variant.EXTENSION),
                    augmentation(size, Variant.EXTENSION) - augmentation(size, Variant.BASELINE)));
        }
        out.append('\n').append(String.format(Locale.ROOT,
                "%-10s | %10s %10s %8s | %8s %8s %8s | %9s %9s %8s | %9s %10s %9s%n", "M×E×R", "ready base",
                "ready ext", "Δ ms", "CPU base", "CPU ext", "Δ ms", "heap base", "heap ext", "Δ MiB", "Δ nonheap",
                "Δ classes", "started Δ"));
        for (Size size : sizes) {
            out.append(String.format(Locale.ROOT,
                    "%-10s | %10.1f %10.1f %+8.1f | %8.0f %8.0f %+8.0f | %9.2f %9.2f %+8.2f | %+9.2f %+10.0f %+9.1f%n",
                    size, ready(size, Variant.BASELINE), ready(size, Variant.EXTENSION), readyDelta(size),
                    cpu(size, Variant.BASELINE), cpu(size, Variant.EXTENSION),
                    cpu(size, Variant.EXTENSION) - cpu(size, Variant.BASELINE),
                    mb(heap(size, Variant.BASELINE)), mb(heap(size, Variant.EXTENSION)), mb(heapDelta(size)),
                    mb(start(size, Variant.EXTENSION, StartSample::nonHeapBytes)
                            - start(size, Variant.BASELINE, StartSample::nonHeapBytes)),
                    start(size, Variant.EXTENSION, StartSample::loadedClasses)
                            - start(size, Variant.BASELINE, StartSample::loadedClasses),
                    start(size, Variant.EXTENSION, StartSample::quarkusStartedMillis)
                            - start(size, Variant.BASELINE, StartSample::quarkusStartedMillis)));
        }
        Size largest = largest();
        out.append("\nExtension build steps at ").append(largest).append(" (median ms):\n");
        steps(largest).forEach((step, millis) -> out.append(String.format(Locale.ROOT, "  %8.1f  %s%n", millis, step)));
        out.append(String.format(Locale.ROOT, "%nHighest one-minute load average before a sample"
                + " (this suite alone keeps it near 1-2): %.2f%n%n", maxLoad()));
        targets().forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }

    String asciidoc() {
        StringBuilder out = new StringBuilder();
        out.append("[cols=\"2,1,1,2,2,2,2,2\",options=\"header\"]\n|===\n")
                .append("|M × E × R |Events |Receivers |Extension's build steps, ms |µs per event"
                        + " |Augmentation without, ms |Augmentation with, ms |Δ ms\n");
        for (Size size : sizes) {
            out.append(String.format(Locale.ROOT, "|%s |%,d |%,d |%.1f |%.2f |%.0f |%.0f |%+.0f%n", size,
                    size.totalEvents(), size.totalReceivers(), ourSteps(size), ourSteps(size) * 1000 / size.totalEvents(),
                    augmentation(size, Variant.BASELINE), augmentation(size, Variant.EXTENSION),
                    augmentation(size, Variant.EXTENSION) - augmentation(size, Variant.BASELINE)));
        }
        out.append("|===\n\n[cols=\"2,2,2,2,2,2,2,2,2,2\",options=\"header\"]\n|===\n")
                .append("|M × E × R |First request without, ms |With, ms |Δ ms |Δ CPU ms |Heap without, MiB"
                        + " |With, MiB |Δ MiB |Δ non-heap, MiB |Δ loaded classes\n");
        for (Size size : sizes) {
            out.append(String.format(Locale.ROOT, "|%s |%.1f |%.1f |%+.1f |%+.0f |%.2f |%.2f |%+.2f |%+.2f |%+.0f%n",
                    size, ready(size, Variant.BASELINE), ready(size, Variant.EXTENSION), readyDelta(size),
                    cpu(size, Variant.EXTENSION) - cpu(size, Variant.BASELINE),
                    mb(heap(size, Variant.BASELINE)), mb(heap(size, Variant.EXTENSION)), mb(heapDelta(size)),
                    mb(start(size, Variant.EXTENSION, StartSample::nonHeapBytes)
                            - start(size, Variant.BASELINE, StartSample::nonHeapBytes)),
                    start(size, Variant.EXTENSION, StartSample::loadedClasses)
                            - start(size, Variant.BASELINE, StartSample::loadedClasses)));
        }
        out.append("|===\n\n");
        targets().forEach(line -> out.append("* ").append(line).append('\n'));
        return out.toString();
    }

    Map<String, Object> json(int builds, int starts) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("builds", builds);
        json.put("starts", starts);
        json.put("maxLoadBefore", maxLoad());
        List<Object> apps = new ArrayList<>();
        for (AppResult app : results.values()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("variant", app.variant.label());
            entry.put("size", app.size.toString());
            entry.put("events", app.size.totalEvents());
            entry.put("receivers", app.size.totalReceivers());
            entry.put("medianOurStepsMillis", median(app.builds, BuildSample::ourStepsMillis));
            entry.put("medianAugmentationMillis", median(app.builds, BuildSample::augmentationMillis));
            entry.put("medianReadyMillis", median(app.starts, StartSample::readyMillis));
            entry.put("medianHeapBytes", median(app.starts, s -> s.heapBytes()));
            entry.put("builds", app.builds);
            entry.put("starts", app.starts);
            apps.add(entry);
        }
        json.put("applications", apps);
        json.put("targets", targets());
        return json;
    }

    List<String> targets() {
        List<String> lines = new ArrayList<>();
        boolean built = !app(largest(), Variant.EXTENSION).builds.isEmpty();
        if (built && sizes.size() >= 2) {
            Size big = largest();
            Size previous = null;
            for (Size size : sizes) {
                if (size != big && size.totalEvents() < big.totalEvents()
                        && (previous == null || size.totalEvents() > previous.totalEvents())) {
                    previous = size;
                }
            }
            if (previous != null) {
                double exponent = Math.log(ourSteps(big) / ourSteps(previous))
                        / Math.log((double) big.totalEvents() / previous.totalEvents());
                lines.add(String.format(Locale.ROOT, "Build steps grow linearly (exponent ≤ %.2f in the number of"
                        + " events, from %s to %s): %.1f ms → %.1f ms for %,d× the events, exponent %.2f → %s",
                        MAX_GROWTH_EXPONENT, previous, big, ourSteps(previous), ourSteps(big),
                        big.totalEvents() / previous.totalEvents(), exponent,
                        verdict(exponent <= MAX_GROWTH_EXPONENT)));
            }
        }
        Size big = largest();
        lines.add(String.format(Locale.ROOT, "Start-up delta ≤ %.0f ms at %,d events: %+.1f ms → %s",
                MAX_START_DELTA_MILLIS, big.totalEvents(), readyDelta(big),
                verdict(readyDelta(big) <= MAX_START_DELTA_MILLIS)));
        lines.add(String.format(Locale.ROOT, "Heap delta ≤ 2 MiB at %,d events: %+.2f MiB → %s", big.totalEvents(),
                mb(heapDelta(big)), verdict(heapDelta(big) <= MAX_HEAP_DELTA_BYTES)));
        return lines;
    }

    double maxLoad() {
        double max = 0;
        for (AppResult app : results.values()) {
            for (BuildSample build : app.builds) {
                max = Math.max(max, build.loadBefore());
            }
            for (StartSample start : app.starts) {
                max = Math.max(max, start.loadBefore());
            }
        }
        return max;
    }

    private Size largest() {
        Size largest = sizes.get(0);
        for (Size size : sizes) {
            if (size.totalEvents() > largest.totalEvents()
                    || size.totalEvents() == largest.totalEvents() && size.totalReceivers() > largest.totalReceivers()) {
                largest = size;
            }
        }
        return largest;
    }

    private Map<String, Double> steps(Size size) {
        AppResult app = app(size, Variant.EXTENSION);
        Map<String, Double> medians = new TreeMap<>();
        if (app.builds.isEmpty()) {
            return medians;
        }
        for (String step : app.builds.get(0).ourSteps().keySet()) {
            medians.put(step, median(app.builds, b -> b.ourSteps().getOrDefault(step, 0.0)));
        }
        return medians;
    }

    private double ourSteps(Size size) {
        return median(app(size, Variant.EXTENSION).builds, BuildSample::ourStepsMillis);
    }

    private double augmentation(Size size, Variant variant) {
        return median(app(size, variant).builds, BuildSample::augmentationMillis);
    }

    private double ready(Size size, Variant variant) {
        return start(size, variant, StartSample::readyMillis);
    }

    private double cpu(Size size, Variant variant) {
        return start(size, variant, StartSample::cpuMillis);
    }

    private double readyDelta(Size size) {
        return ready(size, Variant.EXTENSION) - ready(size, Variant.BASELINE);
    }

    private double heap(Size size, Variant variant) {
        return start(size, variant, s -> s.heapBytes());
    }

    private double heapDelta(Size size) {
        return heap(size, Variant.EXTENSION) - heap(size, Variant.BASELINE);
    }

    private double start(Size size, Variant variant, ToDoubleFunction<StartSample> value) {
        return median(app(size, variant).starts, value);
    }

    private AppResult app(Size size, Variant variant) {
        return results.get(variant.label() + "-" + size);
    }

    static <T> double median(List<T> samples, ToDoubleFunction<T> value) {
        double[] values = samples.stream().mapToDouble(value).sorted().toArray();
        if (values.length == 0) {
            return Double.NaN;
        }
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    private static double mb(double bytes) {
        return bytes / (1024 * 1024);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "MISSED";
    }
}
