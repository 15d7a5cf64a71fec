package org.campaignengine.bench;

import java.util.Arrays;
import java.util.List;
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
        return interleaved(warmup, count, List.of(call)).get(0);
    }

    /**
     * Times each of {@code calls} {@code warmup + count} times, taking them in turn (the first, the second,
     * ..., the first again), and keeps the last {@code count} of each: calls compared with each other meet
     * the same moments of the machine, so a pause hits them alike rather than whichever ran then.
     */
    static List<Latencies> interleaved(int warmup, int count, List<Callable<?>> calls) throws Exception {
        for (int i = 0; i < warmup; i++) {
            for (Callable<?> call : calls) {
                call.call();
            }
        }
        double[][] millis = new double[calls.size()][count];
        for (int i = 0; i < count; i++) {
            for (int c = 0; c < calls.size(); c++) {
                long start = System.nanoTime();
                calls.get(c).call();
                millis[c][i] = (System.nanoTime() - start) / 1_000_000.0;
            }
        }
        return Arrays.stream(millis).map(Latencies::new).toList();
    }

    /** These and {@code other}'s response times together. */
    Latencies and(Latencies other) {
        double[] both = Arrays.copyOf(millis, millis.length + other.millis.length);
        System.arraycopy(other.millis, 0, both, millis.length, other.millis.length);
        return new Latencies(both);
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
