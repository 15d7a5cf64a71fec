package org.campaignengine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** {@code steadyStalls}: what the steady run met of the machine's memory monitor. */
    record Figures(Rate creates, Rate lifecycle, Rate steady, MemoryMonitor.Stalls steadyStalls, Latencies pages) {
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

    /**
     * A step between phases: after each of a service's turns, before the other's (the engine waits for its read
     * models), or before the pages (the database's statistics are gathered).
     */
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
     * its CPU ({@link ServiceDriver#warm}), at most this long.
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
     * runs beside the engine's steady run and is told when it ends; {@code beforePages} runs before the pages.
     */
    Compared measure(Service engine, Service baseline, Settle engineSettles, SteadyWatch duringSteady,
                     Settle beforePages) throws Exception {
        try (ServiceDriver e = new ServiceDriver(engine, engineSettles, maxWarmUpSeconds(), steadySeconds());
             ServiceDriver b = new ServiceDriver(baseline, Settle.NONE, maxWarmUpSeconds(), steadySeconds())) {
            double engineCreates = e.warm(e::create);
            double baselineCreates = b.warm(b::create);
            List<Rate[]> creates = inTurns(e, b, driver -> driver::create);
            double engineLifecycle = e.warm(e::next);
            double baselineLifecycle = b.warm(b::next);
            List<Rate[]> lifecycle = inTurns(e, b, driver -> driver::next);
            ServiceDriver.Steady engineSteady = e.steady(duringSteady);
            ServiceDriver.Steady baselineSteady = b.steady(SteadyWatch.NONE);
            beforePages.settle();
            List<Latencies> pages = Latencies.interleaved(size.samples() / 4, size.samples(), List.of(e::page, b::page));
            return new Compared(
                    new Figures(sum(creates, 0), sum(lifecycle, 0), engineSteady.rate(), engineSteady.stalls(),
                            pages.get(0)),
                    new Figures(sum(creates, 1), sum(lifecycle, 1), baselineSteady.rate(), baselineSteady.stalls(),
                            pages.get(1)),
                    ratios(creates), ratios(lifecycle), new Warmth(engineCreates, engineLifecycle),
                    new Warmth(baselineCreates, baselineLifecycle));
        }
    }

    /** {@link #turns()} pairs of measured turns, engine then baseline in the first, baseline then engine in the next. */
    private List<Rate[]> inTurns(ServiceDriver engine, ServiceDriver baseline,
                                 Function<ServiceDriver, Command> command) throws Exception {
        List<Rate[]> pairs = new ArrayList<>();
        for (int turn = 0; turn < turns(); turn++) {
            ServiceDriver first = turn % 2 == 0 ? engine : baseline;
            ServiceDriver second = first == engine ? baseline : engine;
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

    /** One command a connection sends: its {@code n}th. */
    @FunctionalInterface
    interface Command {
        void send(int connection, long n) throws Exception;
    }

    static HttpApi.Reply expect(int status, HttpApi.Reply reply) {
        if (reply.status() != status) {
            throw new IllegalStateException("expected " + status + ", answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }
}
