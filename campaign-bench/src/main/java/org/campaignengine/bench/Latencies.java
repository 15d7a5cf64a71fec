package org.campaignengine.bench;

import java.util.Arrays;
import java.util.concurrent.Callable;

/** Response times of one measured call, in milliseconds, with nearest-rank percentiles. */
final class Latencies {

    private final double[] millis;

    private Latencies(double[] millis) {
        this.millis = millis.clone();
        Arrays.sort(this.millis);
    }

    static Latencies of(double... millis) {
        return new Latencies(millis);
    }

    /** Times {@code call} {@code warmup + count} times and keeps the last {@code count}. */
    static Latencies measure(int warmup, int count, Callable<?> call) throws Exception {
        for (int i = 0; i < warmup; i++) {
            call.call();
        }
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            call.call();
            millis[i] = (System.nanoTime() - start) / 1_000_000.0;
        }
        return new Latencies(millis);
    }

    /** The nearest-rank percentile: the smallest value with at least p per cent of values at or below it. */
    double percentile(double p) {
        if (millis.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * millis.length);
        return millis[Math.max(0, Math.min(millis.length - 1, rank - 1))];
    }

    int count() {
        return millis.length;
    }
}
