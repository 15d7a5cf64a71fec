package org.campaignengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * The kernel's data access monitor (DAMON), where the machine runs one: every sample interval its thread checks
 * the accessed bits of sampled pages through their mappings, and while it does (tens of milliseconds, every half
 * second or so on these machines) the commands in flight stall, in both services (docs/benchmarks.md, the
 * thirteenth and fourteenth sessions). A steady run notes when the monitor's threads ran (their run time read
 * from {@code /proc/PID/schedstat} every 5 ms), so the table says how much of the run fell in the monitor's
 * bursts and what the commands due away from them took: whether a steady p99 measured the service or the
 * machine. The bench only reads; it never changes the monitor.
 */
final class MemoryMonitor {

    /** Where the kernel lists its monitor threads ({@code kdamonds/N/state}, {@code kdamonds/N/pid}). */
    static final Path KDAMONDS = Path.of("/sys/kernel/mm/damon/admin/kdamonds");
    /** Where each thread's run time is ({@code PID/schedstat}). */
    static final Path PROC = Path.of("/proc");
    /** Readings closer than this belong to one burst. */
    static final long MERGE_MILLIS = 60;
    /** A command due at least this long before or after every burst counts as away from them. */
    static final long AWAY_MILLIS = 100;
    private static final long EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** Run time within one reading that counts as working. */
    private static final long WORKING_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final List<Path> runTimes;
    private final List<long[]> working = new ArrayList<>();
    private final Thread reader;
    private volatile boolean reading = true;

    private MemoryMonitor(List<Path> runTimes) {
        this.runTimes = runTimes;
        this.reader = new Thread(this::read, "memory-monitor-reader");
        reader.setDaemon(true);
    }

    /** Starts noting the machine's running monitor threads; none found, none noted. */
    static MemoryMonitor watch() {
        return watch(KDAMONDS, PROC);
    }

    /** Starts noting the running monitor threads listed under {@code kdamonds}, their run times under {@code proc}. */
    static MemoryMonitor watch(Path kdamonds, Path proc) {
        MemoryMonitor monitor = new MemoryMonitor(running(kdamonds, proc));
        if (!monitor.runTimes.isEmpty()) {
            monitor.reader.start();
        }
        return monitor;
    }

    /** Stops noting (again, if it already has). */
    void stop() throws InterruptedException {
        reading = false;
        if (reader.isAlive()) {
            reader.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    /** The monitor's bursts while it was noted. */
    Bursts bursts() {
        synchronized (working) {
            return Bursts.of(!runTimes.isEmpty(), working);
        }
    }

    private static List<Path> running(Path kdamonds, Path proc) {
        List<Path> runTimes = new ArrayList<>();
        try (Stream<Path> threads = Files.list(kdamonds)) {
            for (Path thread : threads.toList()) {
                Path state = thread.resolve("state");
                Path pid = thread.resolve("pid");
                if (Files.isReadable(state) && Files.readString(state).trim().equals("on") && Files.isReadable(pid)) {
                    Path runTime = proc.resolve(Files.readString(pid).trim()).resolve("schedstat");
                    if (Files.isReadable(runTime)) {
                        runTimes.add(runTime);
                    }
                }
            }
        } catch (IOException | RuntimeException none) {
            // no monitor, or none this process may read: nothing to note
        }
        return runTimes;
    }

    private void read() {
        long[] last = new long[runTimes.size()];
        for (int i = 0; i < last.length; i++) {
            last[i] = Math.max(0, runNanos(runTimes.get(i)));
        }
        long readAt = System.currentTimeMillis();
        while (reading) {
            LockSupport.parkNanos(EVERY_NANOS);
            long now = System.currentTimeMillis();
            long ran = 0;
            for (int i = 0; i < last.length; i++) {
                long runNanos = runNanos(runTimes.get(i));
                if (runNanos >= 0) {
                    ran += Math.max(0, runNanos - last[i]);
                    last[i] = runNanos;
                }
            }
            if (ran >= WORKING_NANOS) {
                synchronized (working) {
                    working.add(new long[]{readAt, now});
                }
            }
            readAt = now;
        }
    }

    /** The first field of {@code schedstat}: nanoseconds the thread has run; -1 if it cannot be read (gone). */
    private static long runNanos(Path runTime) {
        try {
            String text = Files.readString(runTime);
            return Long.parseLong(text.substring(0, text.indexOf(' ')));
        } catch (IOException | RuntimeException gone) {
            return -1;
        }
    }

    /**
     * The monitor's bursts, as epoch-millisecond windows {@code [from, to]}: the readings in which it worked, those
     * under {@link #MERGE_MILLIS} apart merged. {@code monitored}: whether a monitor was running at all.
     */
    record Bursts(boolean monitored, List<long[]> windows) {

        static Bursts of(boolean monitored, List<long[]> readings) {
            List<long[]> windows = new ArrayList<>();
            for (long[] reading : readings) {
                long[] last = windows.isEmpty() ? null : windows.get(windows.size() - 1);
                if (last != null && reading[0] - last[1] < MERGE_MILLIS) {
                    last[1] = Math.max(last[1], reading[1]);
                } else {
                    windows.add(new long[]{reading[0], reading[1]});
                }
            }
            return new Bursts(monitored, windows);
        }

        /**
         * What a steady run met: command n due at {@code startedAt + n * intervalNanos} took {@code latencies[n]}
         * milliseconds.
         */
        Stalls met(long startedAt, double intervalNanos, double[] latencies) {
            double from = startedAt;
            double to = startedAt + latencies.length * intervalNanos / 1e6;
            double inBursts = 0;
            for (long[] window : windows) {
                inBursts += Math.max(0, Math.min(to, window[1]) - Math.max(from, window[0]));
            }
            List<Double> away = new ArrayList<>();
            for (int n = 0; n < latencies.length; n++) {
                if (away(startedAt + n * intervalNanos / 1e6)) {
                    away.add(latencies[n]);
                }
            }
            return new Stalls(monitored, to > from ? inBursts / (to - from) : 0,
                    Latencies.of(away.stream().mapToDouble(Double::doubleValue).toArray()), latencies.length);
        }

        private boolean away(double due) {
            for (long[] window : windows) {
                if (due > window[0] - AWAY_MILLIS && due < window[1] + AWAY_MILLIS) {
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * A steady run beside the monitor: the share of its time in the monitor's bursts, and the response times of
     * its commands due at least {@link #AWAY_MILLIS} from any burst (of {@code commands} in the run).
     */
    record Stalls(boolean monitored, double shareInBursts, Latencies away, int commands) {

        String text() {
            if (!monitored) {
                return "no monitor running";
            }
            double p99 = away.percentile(99);
            return String.format(Locale.ROOT, "bursts %.1f %% of the run; away from them p99 %s (%,d of %,d commands)",
                    shareInBursts * 100, Double.isNaN(p99) ? "–" : Report.ms(p99),
                    away.count(), commands);
        }
    }
}
