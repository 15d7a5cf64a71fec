package org.campaignengine.bench;

/** The rows of the CRUD comparison in the bench's table: each engine figure beside the baseline's. */
final class ComparisonRows {

    /** How the row of what the steady runs met of the machine's memory monitor begins. */
    static final String MEMORY_MONITOR_ROW = "the machine's kernel memory monitor (DAMON) during the steady run";

    private ComparisonRows() {
    }

    /** The engine beside the CRUD baseline, and its read models during the steady run. */
    static void add(Report report, CrudComparison comparison, CrudComparison.Compared compared, LagWatch lag,
                    double singleRate) {
        CrudComparison.Figures engine = compared.engine();
        CrudComparison.Figures crud = compared.baseline();
        int connections = CrudComparison.CONNECTIONS;
        report.rate(String.format("creates over HTTP, %d connections, against the CRUD baseline", connections),
                engine.creates().perSecond(), crud.creates().perSecond(), 0, 0.5);
        report.responseTimes("create response time, same runs (saturated)", engine.creates().latencies(),
                crud.creates().latencies());
        report.rate(String.format("lifecycle commands on existing campaigns (pause, resume, edit), %d "
                + "connections, against the CRUD baseline", connections), engine.lifecycle().perSecond(),
                crud.lifecycle().perSecond(), 0, 0.5);
        report.responseTimes("lifecycle command response time, same runs (saturated)",
                engine.lifecycle().latencies(), crud.lifecycle().latencies());
        report.cpu("CPU a create, same runs: the service's JVM and the database", engine.creates(), crud.creates());
        report.cpu("CPU a lifecycle command, same runs", engine.lifecycle(), crud.lifecycle());
        report.rate(String.format("creates over HTTP, %d connections, against single-row inserts", connections),
                engine.creates().perSecond(), singleRate, 0, 0);
        report.latencyP99(String.format("commands at a steady %.0f/s from %d connections (a quarter creates), "
                + "open loop, against the CRUD baseline", CrudComparison.STEADY_RATE, connections),
                engine.steady().latencies(), crud.steady().latencies(), 20);
        report.stalls(String.format("%s: its bursts' share of the run, and the p99 of the commands due %d ms or more "
                + "from any", MEMORY_MONITOR_ROW, MemoryMonitor.AWAY_MILLIS), engine.steadyStalls(),
                crud.steadyStalls());
        report.latency("index page of 20 sorted by name, over HTTP, against the CRUD baseline", engine.pages(),
                crud.pages(), 30);
        report.cpu("CPU a command of the steady run", engine.steady(), crud.steady());
        report.seconds("read models during the steady run: the furthest behind the head",
                lag.furthestBehind(), " (" + lag.furthestReadModel() + ")", 1);
        report.seconds("read models caught up after the steady run", lag.caughtUpAfter(), "", 2);
        report.condition(String.format("CRUD baseline: a Spring Boot service on the engine's own libraries (Spring "
                + "MVC on Tomcat, Spring Security with Basic against accounts read per request and bcrypt "
                + "remembered as the engine does, Jackson and problem details as the engine's), a campaign one row "
                + "with a status column, changes read and updated under a version check; the edit is the end date on the "
                + "engine (a running campaign keeps its name), the name on the baseline; same database, -Xmx%s, "
                + "table filled with as many campaigns as the engine's store (plus %d active). Both services run "
                + "throughout and take turns, never sending at the same time: each warmed up until its JIT compilers "
                + "took under %.0f %% of its CPU in a round of load (at most %.0f s; the engine %.0f s before creates "
                + "and %.0f s before lifecycle commands, the baseline %.0f s and %.0f s; compiling then took %s of "
                + "the engine's CPU and %s of the baseline's in the measured turns), then %d "
                + "turn(s) of %.0f s each of creates (engine %,d, baseline %,d) and of lifecycle commands (engine "
                + "%,d, baseline %,d), a pair of turns for each service at a time, the engine first in the first pair and "
                + "the baseline first in the next; after each of its turns the "
                + "engine's read models catch up before the baseline's turn, and the engine's CPU counts until they "
                + "have. Engine / baseline in each pair of turns: creates %s, lifecycle commands %s. Steady: %.0f s "
                + "at %.0f/s (engine %,d commands in %.1f s, baseline %,d in %.1f s), latency counted from each "
                + "command's due time; pages: once the database's statistics were gathered (ANALYZE, as autovacuum "
                + "would), the two services' requests alternated", BenchMain.MEMORY_HEAP,
                connections * CrudComparison.CAMPAIGNS_PER_CONNECTION, CrudComparison.COMPILING_SETTLED * 100,
                comparison.maxWarmUpSeconds(), compared.engineWarmth().creates(), compared.engineWarmth().lifecycle(),
                compared.baselineWarmth().creates(), compared.baselineWarmth().lifecycle(),
                compiling(engine.creates().and(engine.lifecycle())), compiling(crud.creates().and(crud.lifecycle())),
                comparison.turns(),
                comparison.phaseSeconds(), engine.creates().commands(), crud.creates().commands(),
                engine.lifecycle().commands(), crud.lifecycle().commands(), percents(compared.createRatios()),
                percents(compared.lifecycleRatios()), comparison.steadySeconds(), CrudComparison.STEADY_RATE,
                engine.steady().commands(), engine.steady().seconds(), crud.steady().commands(),
                crud.steady().seconds()));
    }

    private static String compiling(CrudComparison.Rate turns) {
        double share = turns.cpu().compilerShare();
        return Double.isNaN(share) ? "an unknown share" : String.format("%.1f %%", share * 100);
    }

    private static String percents(java.util.List<Double> ratios) {
        return ratios.stream().map(r -> String.format("%.0f %%", r * 100))
                .collect(java.util.stream.Collectors.joining(", "));
    }
}
