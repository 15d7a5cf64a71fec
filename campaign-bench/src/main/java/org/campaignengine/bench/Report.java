package org.campaignengine.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The table a run prints: each figure beside its baseline from the same run, the ratio and the target. */
final class Report {

    record Row(String metric, String engine, String baseline, String ratio, String target, Boolean met) {
    }

    private final List<Row> rows = new ArrayList<>();
    private final List<String> conditions = new ArrayList<>();
    private final boolean judged;

    /** @param judged whether the table says, per row, if its target was met (not for a smoke-sized run) */
    Report(boolean judged) {
        this.judged = judged;
    }

    void condition(String text) {
        conditions.add(text);
    }

    /** A throughput: higher is better; the target is a minimum rate and, if given, a minimum share of the baseline. */
    void rate(String metric, double perSecond, double baselinePerSecond, double minRate, double minShare) {
        double ratio = baselinePerSecond > 0 ? perSecond / baselinePerSecond : Double.NaN;
        boolean met = perSecond >= minRate && (minShare <= 0 || ratio >= minShare);
        String share = minShare > 0 ? "≥ " + percent(minShare) + " of baseline" : "";
        String target = minRate <= 0 ? share : "≥ " + whole(minRate) + "/s" + (share.isEmpty() ? "" : " and " + share);
        rows.add(new Row(metric, whole(perSecond) + "/s", baselinePerSecond > 0 ? whole(baselinePerSecond) + "/s" : "–",
                baselinePerSecond > 0 ? percent(ratio) : "–", target, met));
    }

    /** A latency: lower is better; the baseline is the same database answering a comparable plain query. */
    void latency(String metric, Latencies engine, Latencies baseline, double maxP95) {
        double p95 = engine.percentile(95);
        rows.add(new Row(metric, "p50 " + ms(engine.percentile(50)) + ", p95 " + ms(p95),
                baseline == null ? "–" : "p95 " + ms(baseline.percentile(95)),
                baseline == null ? "–" : times(p95, baseline.percentile(95)),
                "p95 ≤ " + ms(maxP95), p95 <= maxP95));
    }

    /** A response time whose target is on the 99th percentile. */
    void latencyP99(String metric, Latencies engine, double maxP99) {
        double p99 = engine.percentile(99);
        rows.add(new Row(metric, p50p99(engine), "–", "–", "p99 < " + ms(maxP99), p99 < maxP99));
    }

    /** Response times beside the baseline's, p50 and p99 of each; no target (they are the saturated figures). */
    void responseTimes(String metric, Latencies engine, Latencies baseline) {
        rows.add(new Row(metric, p50p99(engine), p50p99(baseline),
                times(engine.percentile(99), baseline.percentile(99)), "–", null));
    }

    /** A response time whose target is on the 99th percentile, beside the baseline's. */
    void latencyP99(String metric, Latencies engine, Latencies baseline, double maxP99) {
        double p99 = engine.percentile(99);
        rows.add(new Row(metric, p50p99(engine), p50p99(baseline), times(p99, baseline.percentile(99)),
                "p99 < " + ms(maxP99), p99 < maxP99));
    }

    /**
     * CPU a command, the service's JVM and the database's processes together, beside the baseline's; no target
     * (it says where a rate's difference comes from, and moves less with the machine's other load than a rate).
     */
    void cpu(String metric, CrudComparison.Rate engine, CrudComparison.Rate baseline) {
        double engineMs = cpuMillis(engine);
        double baselineMs = cpuMillis(baseline);
        rows.add(new Row(metric, cpuText(engine), cpuText(baseline), Double.isNaN(engineMs) || Double.isNaN(baselineMs)
                ? "–" : times(engineMs / baselineMs), "–", null));
    }

    /** {@code engine} over {@code baseline}, a baseline of 0 taken as a microsecond. */
    private static String times(double engine, double baseline) {
        return times(engine / Math.max(0.001, baseline));
    }

    /**
     * A ratio as "1.6×"; under 0.1 with two decimals ("0.03×"), so an engine far ahead of a stalled baseline does
     * not read as "0.0×". Figures are written as the docs write them, whatever the machine's locale.
     */
    static String times(double ratio) {
        return String.format(Locale.ROOT, ratio < 0.1 ? "%.2f×" : "%.1f×", ratio);
    }

    private static double cpuMillis(CrudComparison.Rate rate) {
        return rate.cpu().serviceMillisPer(rate.commands()) + rate.cpu().databaseMillisPer(rate.commands());
    }

    private static String cpuText(CrudComparison.Rate rate) {
        double jvm = rate.cpu().serviceMillisPer(rate.commands());
        double database = rate.cpu().databaseMillisPer(rate.commands());
        if (Double.isNaN(database)) {
            return Double.isNaN(jvm) ? "–" : String.format(Locale.ROOT, "JVM %.2f ms (database unknown)", jvm);
        }
        return String.format(Locale.ROOT, "%.2f ms (JVM %.2f, database %.2f)", jvm + database, jvm, database);
    }

    /**
     * What the services' steady runs met of the machine's memory monitor, beside each other; no target (it says
     * whether a steady p99 measured the service or the machine).
     */
    void stalls(String metric, MemoryMonitor.Stalls engine, MemoryMonitor.Stalls baseline) {
        rows.add(new Row(metric, engine.text(), baseline.text(), "–", "–", null));
    }

    /** A duration in seconds; met when at most {@code maxSeconds}. */
    void seconds(String metric, double seconds, String detail, double maxSeconds) {
        rows.add(new Row(metric, String.format(Locale.ROOT, "%.2f s%s", seconds, detail), "–", "–",
                String.format(Locale.ROOT, "≤ %.0f s", maxSeconds), seconds <= maxSeconds));
    }

    /**
     * Flatness: the same measurement on a bigger store ({@code bigger}) beside the smaller one ({@code smaller},
     * in the baseline column); met when p95(bigger) / p95(smaller) is at most {@code maxRatio}.
     */
    void flatness(String metric, Latencies bigger, String smallerLabel, Latencies smaller, double maxRatio) {
        double ratio = bigger.percentile(95) / Math.max(0.001, smaller.percentile(95));
        rows.add(new Row(metric, "p95 " + ms(bigger.percentile(95)), "p95 " + ms(smaller.percentile(95)) + " ("
                + smallerLabel + ")", String.format(Locale.ROOT, "%.2f×", ratio),
                String.format(Locale.ROOT, "≤ %.1f×", maxRatio), ratio <= maxRatio));
    }

    /** Heap of an engine in MB; met when it finished without running out of memory. */
    void heap(String metric, EngineProcess.Heap heap, String heapLimit) {
        rows.add(new Row(metric, String.format(Locale.ROOT,
                "after a full GC %,.0f MB, peak %,.0f MB (heap grew to %,.0f MB)",
                heap.afterFullGc(), heap.peak(), heap.committed()), "–", "–",
                "no OutOfMemoryError at -Xmx" + heapLimit, !heap.outOfMemory()));
    }

    void print(PrintStream out) {
        out.println();
        if (judged) {
            out.println("| metric | engine | baseline (same run) | engine / baseline | target | met |");
            out.println("|---|---|---|---|---|---|");
        } else {
            out.println("A smoke-sized run checks that every measurement works; its figures are not held against the");
            out.println("targets (run size=medium or size=full for that), so the table has no verdicts.");
            out.println();
            out.println("| metric | engine | baseline (same run) | engine / baseline | target at full size |");
            out.println("|---|---|---|---|---|");
        }
        for (Row row : rows) {
            if (judged) {
                out.printf("| %s | %s | %s | %s | %s | %s |%n", row.metric(), row.engine(), row.baseline(),
                        row.ratio(), row.target(), row.met() == null ? "–" : row.met() ? "yes" : "NO");
            } else {
                out.printf("| %s | %s | %s | %s | %s |%n", row.metric(), row.engine(), row.baseline(), row.ratio(),
                        row.target());
            }
        }
        out.println();
        conditions.forEach(c -> out.println("- " + c));
        out.println();
    }

    List<Row> rows() {
        return rows;
    }

    private static String whole(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    private static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f %%", ratio * 100);
    }

    private static String p50p99(Latencies latencies) {
        return "p50 " + ms(latencies.percentile(50)) + ", p99 " + ms(latencies.percentile(99));
    }

    /** Milliseconds as the table writes them ("16.5 ms"). */
    static String ms(double millis) {
        return String.format(Locale.ROOT, "%.1f ms", millis);
    }
}
