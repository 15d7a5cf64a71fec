package org.campaignengine.bench;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * The engine beside the service a team would write instead ({@code crud.CrudService}), driven alike over
 * HTTP from {@link #CONNECTIONS} connections: creates, lifecycle commands on existing campaigns (pause,
 * resume, an edit of one field, each connection on campaigns of its own, so no two race), both closed-loop (each
 * connection sends its next command when the last is answered: the saturated rate and its latencies);
 * then the same mix open-loop at a steady {@link #STEADY_RATE} commands/s, each command's time counted from
 * when it was due, so a queue shows as latency rather than as a slower sender; then index pages sorted by
 * name. Both services run side by side and take turns, so the ratio between them holds however the shared
 * machine's speed drifts during the run (by up to a third from one minute to the next on the bench's machine).
 */
final class CrudComparison {

    static final int CONNECTIONS = 16;
    /** Three a connection: 48 in all, within the 49 phone numbers a 10DLC use case holds by default. */
    static final int CAMPAIGNS_PER_CONNECTION = 3;
    static final double STEADY_RATE = 500;
    /** Seconds of load in a round of warm-up. */
    static final double WARM_ROUND_SECONDS = 5;
    /** A warm-up round in which the JIT compilers took less of the service's CPU than this ends the warm-up. */
    static final double COMPILING_SETTLED = 0.03;

    /**
     * One service as the comparison drives it: its API, the path of its campaigns, the query of a page of
     * 20 sorted by name (with {@code %d} for the page), each connection's active campaigns, and the body of
     * an edit of one field that an active campaign allows (by connection and turn), and its JVM's process id
     * (for the CPU it uses).
     */
    record Service(long pid, HttpApi api, String campaigns, String pageQuery, List<List<String>> active,
                   java.util.function.BiFunction<Integer, Long, Map<String, Object>> edit) {
    }

    /** The engine's edit: a running campaign's end date (the engine lets no running campaign be renamed). */
    static Map<String, Object> engineEdit(int connection, long turn) {
        return Map.of("endAt", java.time.Instant.parse("2030-01-01T00:00:00Z").plusSeconds(connection * 100_000L + turn)
                .toString());
    }

    /** The baseline's edit: the name (it keeps no end date). */
    static Map<String, Object> baselineEdit(int connection, long turn) {
        return Map.of("name", "Renamed " + connection + "-" + turn);
    }

    /**
     * Commands answered, in how long, their latencies, and the CPU the service and the database used meanwhile
     * (for the engine, until its read models had taken the commands in).
     */
    record Rate(long commands, double seconds, Latencies latencies, CpuUse cpu) {
        double perSecond() {
            return commands / seconds;
        }

        /** This and {@code other} as one run: commands, seconds and CPU added, latencies pooled. */
        Rate and(Rate other) {
            return new Rate(commands + other.commands, seconds + other.seconds, latencies.and(other.latencies),
                    cpu.plus(other.cpu));
        }
    }

    record Figures(Rate creates, Rate lifecycle, Rate steady, Latencies pages) {
    }

    /**
     * Both services' figures, and the engine's rate over the baseline's in each pair of turns (creates, then
     * lifecycle commands, in the order the turns ran).
     */
    record Compared(Figures engine, Figures baseline, List<Double> createRatios, List<Double> lifecycleRatios,
                    Warmth engineWarmth, Warmth baselineWarmth) {
    }

    /** A service's warm-up: seconds of load before its creates and before its lifecycle commands. */
    record Warmth(double creates, double lifecycle) {
    }

    /** Run after each of a service's turns, before the other's: the engine waits for its read models. */
    @FunctionalInterface
    interface Settle {
        void settle() throws Exception;

        Settle NONE = () -> {
        };
    }

    private final BenchSize size;

    CrudComparison(BenchSize size) {
        this.size = size;
    }

    /** Seconds of each measured closed-loop turn. */
    double phaseSeconds() {
        return switch (size.name()) {
            case "smoke" -> 2;
            case "medium" -> 10;
            default -> 20;
        };
    }

    /**
     * Pairs of measured turns (one for each service) of each closed-loop phase: the engine goes first in the first
     * pair, the baseline in the next, so two pairs run engine, baseline, baseline, engine.
     */
    int turns() {
        return size.name().equals("smoke") ? 1 : 2;
    }

    /**
     * The most warm-up a service gets before each closed-loop phase, in seconds of load. The JIT compiles a request
     * path only after thousands of requests, and on two cores that both services' requests keep busy its
     * optimising compiler (C2) falls behind: with 10 s of warm-up both services were still compiling through every
     * measured turn (a fifth of the baseline's CPU, a tenth of the engine's), running part of their code in the
     * slower, profiling tier meanwhile. So a service warms up in rounds of load until its compilers take little of
     * its CPU ({@link Driver#warm}), at most this long.
     */
    double maxWarmUpSeconds() {
        return switch (size.name()) {
            case "smoke" -> 2;
            default -> 150;
        };
    }

    double steadySeconds() {
        return switch (size.name()) {
            case "smoke" -> 3;
            case "medium" -> 15;
            default -> 30;
        };
    }

    /**
     * Both services, both running throughout and taking turns: each warmed up, then creates in turns ordered
     * engine, baseline, baseline, engine (a machine that speeds up or slows down during the phase meets both
     * alike), then lifecycle commands the same way, then each service's steady run and finally their pages,
     * interleaved. After each of the engine's turns {@code engineSettles} waits for its read models, so their
     * work is neither left to slow the baseline's turn nor missing from the engine's CPU; {@code duringSteady}
     * runs beside the engine's steady run and is told when it ends.
     */
    Compared measure(Service engine, Service baseline, Settle engineSettles, SteadyWatch duringSteady)
            throws Exception {
        try (Driver e = new Driver(engine, engineSettles); Driver b = new Driver(baseline, Settle.NONE)) {
            double engineCreates = e.warm(e::create);
            double baselineCreates = b.warm(b::create);
            List<Rate[]> creates = inTurns(e, b, driver -> driver::create);
            double engineLifecycle = e.warm(e::next);
            double baselineLifecycle = b.warm(b::next);
            List<Rate[]> lifecycle = inTurns(e, b, driver -> driver::next);
            Rate engineSteady = e.steady(duringSteady);
            Rate baselineSteady = b.steady(SteadyWatch.NONE);
            List<Latencies> pages = Latencies.interleaved(size.samples() / 4, size.samples(), List.of(e::page, b::page));
            return new Compared(
                    new Figures(sum(creates, 0), sum(lifecycle, 0), engineSteady, pages.get(0)),
                    new Figures(sum(creates, 1), sum(lifecycle, 1), baselineSteady, pages.get(1)),
                    ratios(creates), ratios(lifecycle), new Warmth(engineCreates, engineLifecycle),
                    new Warmth(baselineCreates, baselineLifecycle));
        }
    }

    /** {@link #turns()} pairs of measured turns, engine then baseline in the first, baseline then engine in the next. */
    private List<Rate[]> inTurns(Driver engine, Driver baseline, Function<Driver, Command> command)
            throws Exception {
        List<Rate[]> pairs = new ArrayList<>();
        for (int turn = 0; turn < turns(); turn++) {
            Driver first = turn % 2 == 0 ? engine : baseline;
            Driver second = first == engine ? baseline : engine;
            Rate one = first.closed(phaseSeconds(), command.apply(first));
            Rate other = second.closed(phaseSeconds(), command.apply(second));
            pairs.add(first == engine ? new Rate[] {one, other} : new Rate[] {other, one});
        }
        return pairs;
    }

    private static Rate sum(List<Rate[]> pairs, int side) {
        return pairs.stream().map(pair -> pair[side]).reduce(Rate::and).orElseThrow();
    }

    private static List<Double> ratios(List<Rate[]> pairs) {
        return pairs.stream().map(pair -> pair[0].perSecond() / pair[1].perSecond()).toList();
    }

    /** Told when the steady run starts and ends (the engine's read models are watched meanwhile). */
    interface SteadyWatch {
        void started() throws Exception;

        void ended() throws Exception;

        SteadyWatch NONE = new SteadyWatch() {
            @Override
            public void started() {
            }

            @Override
            public void ended() {
            }
        };
    }

    @FunctionalInterface
    private interface Command {
        void send(int connection, long n) throws Exception;
    }

    /** One service's connections, where they are in their lifecycle commands, and how it settles after a turn. */
    private final class Driver implements AutoCloseable {
        private final Service service;
        private final Settle settle;
        private final ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        private final RawConnection[] connections = new RawConnection[CONNECTIONS];
        private final RawConnection reader;
        private final Lifecycles lifecycles;

        Driver(Service service, Settle settle) throws Exception {
            this.service = service;
            this.settle = settle;
            for (int c = 0; c < CONNECTIONS; c++) {
                connections[c] = service.api().connection();
            }
            reader = service.api().connection();
            lifecycles = new Lifecycles(service, connections);
        }

        void create(int connection, long n) throws Exception {
            CrudComparison.create(service, connections, connection, n);
        }

        void next(int connection, long n) throws Exception {
            lifecycles.next(connection);
        }

        /**
         * Load with {@code command} in rounds of {@link #WARM_ROUND_SECONDS}, each followed by a pause in which the
         * service settles and its compilers work through their queue on a quiet machine, until a round in which
         * they took under {@link #COMPILING_SETTLED} of the service's CPU, or {@link #maxWarmUpSeconds()} of
         * load (always, where the compilers' CPU cannot be read): answers the seconds of load.
         */
        double warm(Command command) throws Exception {
            double loaded = 0;
            do {
                double round = Math.min(WARM_ROUND_SECONDS, maxWarmUpSeconds() - loaded);
                Rate rate = closed(round, command);
                loaded += rate.seconds();
                quiet();
                if (rate.cpu().compilerShare() < COMPILING_SETTLED) {
                    break;
                }
            } while (loaded < maxWarmUpSeconds());
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
            for (int c = 0; c < CONNECTIONS; c++) {
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
         * {@link #STEADY_RATE} commands a second for {@link #steadySeconds()}: command n is due at start + n /
         * rate; the first free connection takes it, waits for its time, sends it and counts its latency from
         * then. A quarter are creates, the rest lifecycle commands. {@code watch} is told when the sending
         * starts and ends; the CPU runs until it has returned and the service has settled.
         */
        Rate steady(SteadyWatch watch) throws Exception {
            CpuUse before = CpuUse.now(service.pid());
            long total = Math.round(STEADY_RATE * steadySeconds());
            double interval = 1e9 / STEADY_RATE;
            long start = System.nanoTime() + 50_000_000L;
            AtomicLong next = new AtomicLong();
            double[] all = new double[(int) total];
            List<Future<?>> running = new ArrayList<>();
            watch.started();
            for (int c = 0; c < CONNECTIONS; c++) {
                int connection = c;
                running.add(pool.submit(() -> {
                    for (long n = next.getAndIncrement(); n < total; n = next.getAndIncrement()) {
                        long due = start + (long) (n * interval);
                        long wait;
                        while ((wait = due - System.nanoTime()) > 0) {
                            LockSupport.parkNanos(wait);
                        }
                        if (n % 4 == 0) {
                            create(connection, 1_000_000 + n);
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
            }
            double elapsed = BenchDatabase.seconds(start);
            settle.settle();
            return new Rate(total, elapsed, Latencies.of(all), CpuUse.now(service.pid()).since(before));
        }

        @Override
        public void close() {
            pool.shutdownNow();
            for (RawConnection connection : connections) {
                connection.close();
            }
            reader.close();
        }
    }

    private static void create(Service service, RawConnection[] connections, int connection, long n)
            throws Exception {
        byte[] body = ("{\"name\":\"Compared " + connection + "-" + n + "-" + System.nanoTime()
                + "\",\"channel\":\"SMS\",\"office\":\"office-1\"}").getBytes(StandardCharsets.UTF_8);
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
        private final long[] sent = new long[CONNECTIONS];
        private final long[][] turns = new long[CONNECTIONS][CAMPAIGNS_PER_CONNECTION];

        Lifecycles(Service service, RawConnection[] connections) {
            this.service = service;
            this.connections = connections;
        }

        void next(int connection) throws Exception {
            int which = (int) (sent[connection]++ % CAMPAIGNS_PER_CONNECTION);
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

    static HttpApi.Reply expect(int status, HttpApi.Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }
}
