package org.campaignengine.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import org.campaignengine.bench.CrudComparison.Command;
import org.campaignengine.bench.CrudComparison.Rate;
import org.campaignengine.bench.CrudComparison.Service;
import org.campaignengine.bench.CrudComparison.Settle;
import org.campaignengine.bench.CrudComparison.SteadyWatch;

/**
 * One service as {@link CrudComparison} drives it: its connections, where they are in their lifecycle commands,
 * how it warms up and how it settles after a turn.
 */
final class ServiceDriver implements AutoCloseable {

    /** Where {@code CAMPAIGN_BENCH_STEADY_TRACE} names a directory, each steady run's commands go to a file in it. */
    static final String TRACE = "CAMPAIGN_BENCH_STEADY_TRACE";

    /** How long after the steady run is set up its first command is due. */
    private static final long LEAD_MILLIS = 50;

    private final Service service;
    private final Settle settle;
    private final double maxWarmUpSeconds;
    private final double steadySeconds;
    private final ExecutorService pool = Executors.newFixedThreadPool(CrudComparison.CONNECTIONS);
    private final RawConnection[] connections = new RawConnection[CrudComparison.CONNECTIONS];
    private final RawConnection reader;
    private final Lifecycles lifecycles;

    /** {@code maxWarmUpSeconds}: the most load a warm-up takes; {@code steadySeconds}: how long a steady run lasts. */
    ServiceDriver(Service service, Settle settle, double maxWarmUpSeconds, double steadySeconds) throws Exception {
        this.service = service;
        this.settle = settle;
        this.maxWarmUpSeconds = maxWarmUpSeconds;
        this.steadySeconds = steadySeconds;
        for (int c = 0; c < CrudComparison.CONNECTIONS; c++) {
            connections[c] = service.api().connection();
        }
        reader = service.api().connection();
        lifecycles = new Lifecycles(service, connections);
    }

    void create(int connection, long n) throws Exception {
        create(service, connections, connection, n);
    }

    void next(int connection, long n) throws Exception {
        lifecycles.next(connection);
    }

    /**
     * Load with {@code command} in rounds of {@link CrudComparison#WARM_ROUND_SECONDS}, each followed by a pause
     * in which the service settles and its compilers work through their queue on a quiet machine, until a round
     * in which they took under {@link CrudComparison#COMPILING_SETTLED} of the service's CPU, or
     * {@code maxWarmUpSeconds} of load (always, where the compilers' CPU cannot be read): answers the seconds of
     * load.
     */
    double warm(Command command) throws Exception {
        double loaded = 0;
        do {
            double round = Math.min(CrudComparison.WARM_ROUND_SECONDS, maxWarmUpSeconds - loaded);
            Rate rate = closed(round, command);
            loaded += rate.seconds();
            quiet();
            if (rate.cpu().compilerShare() < CrudComparison.COMPILING_SETTLED) {
                break;
            }
        } while (loaded < maxWarmUpSeconds);
        return loaded;
    }

    /** Waits, at most 30 s, until the service's compilers have been idle for a moment. */
    private void quiet() throws Exception {
        long deadline = System.nanoTime() + 30_000_000_000L;
        long last = CpuUse.compiler(service.pid());
        while (last >= 0 && System.nanoTime() < deadline) {
            Thread.sleep(250);
            long now = CpuUse.compiler(service.pid());
            if (now - last <= 10_000_000L) {
                return;
            }
            last = now;
        }
    }

    RawConnection.Response page() throws Exception {
        return expect(200, reader.send("GET", String.format(service.pageQuery(),
                ThreadLocalRandom.current().nextInt(50)), null));
    }

    /**
     * For {@code seconds}, each connection sends a command, the next when the last is answered; then the
     * service settles. The rate is over the sending; the CPU runs until it has settled.
     */
    Rate closed(double seconds, Command command) throws Exception {
        CpuUse before = CpuUse.now(service.pid());
        long start = System.nanoTime();
        long end = start + (long) (seconds * 1e9);
        List<Future<double[]>> running = new ArrayList<>();
        for (int c = 0; c < CrudComparison.CONNECTIONS; c++) {
            int connection = c;
            running.add(pool.submit(() -> {
                double[] millis = new double[1_024];
                int count = 0;
                for (long t0 = System.nanoTime(); t0 < end; t0 = System.nanoTime()) {
                    command.send(connection, count);
                    if (count == millis.length) {
                        millis = java.util.Arrays.copyOf(millis, count * 2);
                    }
                    millis[count++] = (System.nanoTime() - t0) / 1e6;
                }
                return java.util.Arrays.copyOf(millis, count);
            }));
        }
        List<double[]> each = new ArrayList<>();
        for (Future<double[]> one : running) {
            each.add(one.get());
        }
        double elapsed = BenchDatabase.seconds(start);
        settle.settle();
        CpuUse used = CpuUse.now(service.pid()).since(before);
        double[] all = each.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        return new Rate(all.length, elapsed, Latencies.of(all), used);
    }

    /**
     * {@link CrudComparison#STEADY_RATE} commands a second for {@code steadySeconds}: command n is due at start + n /
     * rate; the first free connection takes it, waits for its time, sends it and counts its latency from
     * then. A quarter are creates, the rest lifecycle commands. {@code watch} is told when the sending
     * starts and ends; the CPU runs until it has returned and the service has settled. The machine's memory
     * monitor, if one runs, is watched while the commands are sent ({@link MemoryMonitor}).
     */
    Steady steady(SteadyWatch watch) throws Exception {
        CpuUse before = CpuUse.now(service.pid());
        long total = Math.round(CrudComparison.STEADY_RATE * steadySeconds);
        double interval = 1e9 / CrudComparison.STEADY_RATE;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(LEAD_MILLIS);
        AtomicLong next = new AtomicLong();
        double[] all = new double[(int) total];
        long startedAt = System.currentTimeMillis() + LEAD_MILLIS;
        List<Future<?>> running = new ArrayList<>();
        MemoryMonitor monitor = MemoryMonitor.watch();
        watch.started();
        for (int c = 0; c < CrudComparison.CONNECTIONS; c++) {
            int connection = c;
            running.add(pool.submit(() -> {
                for (long n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                    long due = start + (long) (n * interval);
                    long wait;
                    while ((wait = due - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    if (isCreate(n)) {
                        // numbered in turn (n / 4), so the steady run's creates name every office too
                        create(connection, 1_000_000 + n / 4);
                    } else {
                        lifecycles.next(connection);
                    }
                    all[(int) n] = (System.nanoTime() - due) / 1e6;
                }
                return null;
            }));
        }
        try {
            for (Future<?> each : running) {
                each.get();
            }
        } finally {
            watch.ended();
            monitor.stop();
        }
        double elapsed = BenchDatabase.seconds(start);
        trace(startedAt, interval, all);
        settle.settle();
        return new Steady(new Rate(total, elapsed, Latencies.of(all), CpuUse.now(service.pid()).since(before)),
                monitor.bursts().met(startedAt, interval, all));
    }

    /** A steady run's figures, and what it met of the machine's memory monitor. */
    record Steady(Rate rate, MemoryMonitor.Stalls stalls) {
    }

    /** A quarter of the steady run's commands are creates: every fourth, from the first. */
    static boolean isCreate(long n) {
        return n % 4 == 0;
    }

    /** Each steady run's commands to {@code steady-PID.csv} in the directory {@link #TRACE} names, if it does. */
    private void trace(long startedAt, double interval, double[] latencies) throws IOException {
        String directory = System.getenv(TRACE);
        if (directory != null && !directory.isBlank()) {
            writeTrace(Path.of(directory, "steady-" + service.pid() + ".csv"), startedAt, interval,
                    latencies);
        }
    }

    /**
     * A steady run command by command: when each was due (milliseconds since the epoch, to set beside a GC or
     * database log), its latency in milliseconds, and whether it was a create (every fourth): where a high
     * percentile comes from.
     */
    static void writeTrace(Path file, long startedAt, double interval, double[] latencies)
            throws IOException {
        StringBuilder csv = new StringBuilder("due_epoch_ms,latency_ms,create\n");
        for (int n = 0; n < latencies.length; n++) {
            csv.append(String.format(Locale.ROOT, "%.1f,%.2f,%b\n", startedAt + n * interval / 1e6,
                    latencies[n], isCreate(n)));
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, csv);
    }

    @Override
    public void close() {
        pool.shutdownNow();
        for (RawConnection connection : connections) {
            connection.close();
        }
        reader.close();
    }

    /**
     * A create naming the seeded history's offices in turn: the pages measured after the comparison (an office's
     * newest first, say) then see the mix of offices they were written for, not a hundred thousand new drafts
     * in one office.
     */
    private static void create(Service service, RawConnection[] connections, int connection, long n)
            throws Exception {
        byte[] body = ("{\"name\":\"Compared " + connection + "-" + n + "-" + System.nanoTime()
                + "\",\"channel\":\"SMS\",\"office\":\"" + SyntheticHistory.office(n) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        expect(201, connections[connection].send("POST", service.campaigns(), body));
    }

    /**
     * Where each connection is in its lifecycle commands: its campaigns in turn, each paused, resumed and
     * edited in that order, so every command is allowed when it is sent. A connection's counters are touched
     * only by the thread sending for it.
     */
    private static final class Lifecycles {
        private final Service service;
        private final RawConnection[] connections;
        private final long[] sent = new long[CrudComparison.CONNECTIONS];
        private final long[][] turns = new long[CrudComparison.CONNECTIONS][CrudComparison.CAMPAIGNS_PER_CONNECTION];

        Lifecycles(Service service, RawConnection[] connections) {
            this.service = service;
            this.connections = connections;
        }

        void next(int connection) throws Exception {
            int which = (int) (sent[connection]++ % CrudComparison.CAMPAIGNS_PER_CONNECTION);
            long turn = turns[connection][which]++;
            String campaign = service.campaigns() + "/" + service.active().get(connection).get(which);
            RawConnection http = connections[connection];
            switch ((int) (turn % 3)) {
                case 0 -> expect(200, http.send("POST", campaign + "/pause", null));
                case 1 -> expect(200, http.send("POST", campaign + "/resume", null));
                default -> expect(200, http.send("PATCH", campaign,
                        HttpApi.JSON.writeValueAsBytes(service.edit().apply(connection, turn))));
            }
        }
    }

    private static RawConnection.Response expect(int status, RawConnection.Response response) {
        if (response.status() != status) {
            throw new IllegalStateException("expected " + status + ", answered " + response.status() + ": "
                    + response.text());
        }
        return response;
    }
}
