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

/**
 * The engine beside the service a team would write instead ({@code crud.CrudService}), driven alike over
 * HTTP from {@link #CONNECTIONS} connections: creates, lifecycle commands on existing campaigns (pause,
 * resume, an edit of one field, each connection on campaigns of its own, so no two race), both closed-loop (each
 * connection sends its next command when the last is answered: the saturated rate and its latencies);
 * then the same mix open-loop at a steady {@link #STEADY_RATE} commands/s, each command's time counted from
 * when it was due, so a queue shows as latency rather than as a slower sender; then index pages sorted by
 * name.
 */
final class CrudComparison {

    static final int CONNECTIONS = 16;
    /** Three a connection: 48 in all, within the 49 phone numbers a 10DLC use case holds by default. */
    static final int CAMPAIGNS_PER_CONNECTION = 3;
    static final double STEADY_RATE = 500;

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

    /** Commands answered, in how long, their latencies, and the CPU the service and the database used meanwhile. */
    record Rate(long commands, double seconds, Latencies latencies, CpuUse cpu) {
        double perSecond() {
            return commands / seconds;
        }
    }

    record Figures(Rate creates, Rate lifecycle, Rate steady, Latencies pages) {
    }

    private final BenchSize size;

    CrudComparison(BenchSize size) {
        this.size = size;
    }

    /**
     * Seconds of closed-loop warm-up before each measured phase: the JIT compiles a request path only after
     * thousands of requests (the baseline answers about half as fast over its first 5,000 as afterwards), so
     * each service is warmed by time, not by a count that suits only the slower one. Each measured closed-loop
     * phase (creates, then lifecycle commands) lasts as long.
     */
    double phaseSeconds() {
        return switch (size.name()) {
            case "smoke" -> 2;
            case "medium" -> 10;
            default -> 20;
        };
    }

    double steadySeconds() {
        return switch (size.name()) {
            case "smoke" -> 3;
            case "medium" -> 15;
            default -> 30;
        };
    }

    /** Everything, in order; {@code duringSteady} runs beside the steady run and is told when it ends. */
    Figures measure(Service service, SteadyWatch duringSteady) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(CONNECTIONS);
        RawConnection[] connections = new RawConnection[CONNECTIONS];
        for (int c = 0; c < CONNECTIONS; c++) {
            connections[c] = service.api().connection();
        }
        Lifecycles lifecycles = new Lifecycles(service, connections);
        try (RawConnection reader = service.api().connection()) {
            Command create = (connection, i) -> create(service, connections, connection, i);
            Command next = (connection, i) -> lifecycles.next(connection);
            closed(pool, service, phaseSeconds(), create);
            Rate creates = closed(pool, service, phaseSeconds(), create);
            closed(pool, service, phaseSeconds(), next);
            Rate lifecycle = closed(pool, service, phaseSeconds(), next);
            duringSteady.started();
            Rate steady;
            try {
                steady = steady(pool, service, connections, lifecycles);
            } finally {
                duringSteady.ended();
            }
            Latencies pages = Latencies.measure(size.samples() / 4, size.samples(), () -> expect(200,
                    reader.send("GET", String.format(service.pageQuery(), ThreadLocalRandom.current().nextInt(50)),
                            null)));
            return new Figures(creates, lifecycle, steady, pages);
        } finally {
            pool.shutdownNow();
            for (RawConnection connection : connections) {
                connection.close();
            }
        }
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

    /** For {@code seconds}, each connection sends a command, the next when the last is answered. */
    private Rate closed(ExecutorService pool, Service service, double seconds, Command command) throws Exception {
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
        CpuUse used = CpuUse.now(service.pid()).since(before);
        double[] all = each.stream().flatMapToDouble(java.util.Arrays::stream).toArray();
        return new Rate(all.length, elapsed, Latencies.of(all), used);
    }

    /**
     * {@link #STEADY_RATE} commands a second for {@link #steadySeconds()}: command n is due at start + n /
     * rate; the first free connection takes it, waits for its time, sends it and counts its latency from then.
     * A quarter are creates, the rest lifecycle commands.
     */
    private Rate steady(ExecutorService pool, Service service, RawConnection[] connections, Lifecycles lifecycles)
            throws Exception {
        CpuUse before = CpuUse.now(service.pid());
        long total = Math.round(STEADY_RATE * steadySeconds());
        double interval = 1e9 / STEADY_RATE;
        long start = System.nanoTime() + 50_000_000L;
        AtomicLong next = new AtomicLong();
        double[] all = new double[(int) total];
        List<Future<?>> running = new ArrayList<>();
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
                        create(service, connections, connection, 1_000_000 + n);
                    } else {
                        lifecycles.next(connection);
                    }
                    all[(int) n] = (System.nanoTime() - due) / 1e6;
                }
                return null;
            }));
        }
        for (Future<?> each : running) {
            each.get();
        }
        return new Rate(total, BenchDatabase.seconds(start), Latencies.of(all), CpuUse.now(service.pid()).since(before));
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
