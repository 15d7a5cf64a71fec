package org.campaignengine.bench;

/** The rows of the CRUD comparison in the bench's table: each engine figure beside the baseline's. */
final class ComparisonRows {

    private ComparisonRows() {
    }

    /** The engine beside the CRUD baseline, and its read models during the steady run. */
    static void add(Report report, CrudComparison comparison, CrudComparison.Figures engine,
                    CrudComparison.Figures crud, LagWatch lag, double singleRate) {
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
                + "table filled with as many campaigns as the engine's store (plus %d active); engine and "
                + "baseline run one after the other, never side by side. Closed loop: %.0f s of creates (engine %,d, "
                + "baseline %,d) and %.0f s of lifecycle commands (engine %,d, baseline %,d), each after %.0f s of "
                + "warm-up; steady: %.0f s at %.0f/s (engine %,d commands in %.1f s, baseline %,d in %.1f s), "
                + "latency counted from each command's due time", BenchMain.MEMORY_HEAP,
                connections * CrudComparison.CAMPAIGNS_PER_CONNECTION, comparison.phaseSeconds(),
                engine.creates().commands(), crud.creates().commands(), comparison.phaseSeconds(),
                engine.lifecycle().commands(), crud.lifecycle().commands(), comparison.phaseSeconds(),
                comparison.steadySeconds(), CrudComparison.STEADY_RATE, engine.steady().commands(),
                engine.steady().seconds(), crud.steady().commands(), crud.steady().seconds()));
    }
}
