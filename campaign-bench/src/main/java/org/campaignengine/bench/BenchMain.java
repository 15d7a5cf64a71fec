package org.campaignengine.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.campaignengine.bench.bus.BusDriver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One command measures the engine on PostgreSQL and, in the same run on the same database, what plain
 * JDBC reaches; it prints a table of both with their ratio and the target. Arguments:
 * {@code size=smoke|medium|full} (default smoke), {@code jar=PATH} (default the api module's jar),
 * {@code crud=PATH} (the CRUD baseline's jar; default this module's {@code -crud} jar), {@code only=commands}
 * (the engine beside the CRUD baseline alone: the live history, commands and pages of both, nothing else),
 * {@code postgres=JDBC-URL} of any database on the server (default the local server; or the
 * environment's CAMPAIGN_BENCH_POSTGRES_URL), {@code keep=true} to leave the bench database in place. Exits 0 whether or not targets are met: it measures.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        run(Options.parse(args), System.out);
    }

    /** One run with these options, its progress and table printed to {@code out}: the table it printed. */
    static Report run(Map<String, String> options, PrintStream out) throws Exception {
        BenchSize size = BenchSize.of(options.getOrDefault("size", "smoke"));
        Path jar = Path.of(options.getOrDefault("jar", "campaign-api/target/campaign-api-0.1.0-SNAPSHOT.jar"));
        Path crudJar = Path.of(options.getOrDefault("crud", "campaign-bench/target/campaign-bench-0.1.0-SNAPSHOT-crud.jar"));
        String server = options.getOrDefault("postgres", System.getenv().getOrDefault("CAMPAIGN_BENCH_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"));
        Report report = new Report(size.judged());
        out.printf("campaign-bench, size %s: %,d live + %,d archived campaigns, %,d activity records%n", size.name(),
                size.liveCampaigns(), size.archivedCampaigns(), size.intakeRecords());
        try (BenchDatabase database = BenchDatabase.create(server)) {
            if (Boolean.parseBoolean(options.getOrDefault("keep", "false"))) {
                database.keep();
            }
            Run run = new Run(size, jar, crudJar, database, report, out);
            if ("commands".equals(options.get("only"))) {
                run.commandsOnly();
            } else {
                run.all();
            }
        }
        report.print(out);
        Path file = Path.of("campaign-bench", "target", "bench-" + size.name() + ".md");
        if (Files.isDirectory(file.getParent())) {
            try (PrintStream copy = new PrintStream(Files.newOutputStream(file), true, StandardCharsets.UTF_8)) {
                report.print(copy);
            }
            out.println("written to " + file);
        }
        return report;
    }

    static final List<String> READ_MODELS = List.of("status-index", "analytics", "contacts", "conversations",
            "audit-trail");

    /** The heap of the engine that takes the live history and the command, page and intake load first. */
    static final String MEMORY_HEAP = "512m";

    /** Records of the small campaign whose analytics are measured beside the big one's. */
    static final int SMALL_CAMPAIGN_RECORDS = 1_000;

    /**
     * The measurements of one run, in order: baselines; the live history, read by an engine at -Xmx512m
     * (pages, HTTP commands, a small campaign's and one full intake batch, then its heap); commands on the
     * bus; the archived history appended, read by a second engine (pages again, audit, intake, analytics,
     * replay). Rows are reported in a reading order of their own.
     */
    private record Run(BenchSize size, Path jar, Path crudJar, BenchDatabase database, Report report, PrintStream out) {

        void all() throws Exception {
            ReadMeasurements reads = new ReadMeasurements(size, database, report);
            out.println("baselines: JDBC batch and single-row inserts ...");
            double batchRate = database.batchInsertRate(size.intakeRecords(), BenchSize.BATCH);
            double singleRate = database.singleInsertRate(size.singleInserts(), BenchSize.COMMAND_CLIENTS);
            report.condition(String.format("baselines: JDBC batch inserts of %,d activity-shaped rows, %,d per "
                    + "commit: %,.0f rows/s; single-row inserts each committed, %d connections: %,.0f rows/s", size.intakeRecords(),
                    BenchSize.BATCH, batchRate, BenchSize.COMMAND_CLIENTS, singleRate));
            SyntheticHistory history = new SyntheticHistory();
            long liveEvents = writeLive(history);

            ReadMeasurements.Pages liveOnly;
            CommandRun.Result http;
            CrudComparison comparison = new CrudComparison(size);
            CrudComparison.Compared compared;
            LagWatch lag;
            String small;
            EngineProcess.Heap heap;
            try (EngineProcess engine = EngineProcess.start(jar, database.jdbcUrl(), MEMORY_HEAP, List.of(),
                    List.of(EngineProcess.GC_LOG))) {
                out.println("engine up at -Xmx" + MEMORY_HEAP + "; log " + engine.log());
                HttpApi api = engine.api();
                ReadSide readSide = new ReadSide(api, database);
                double[] built = build(readSide);
                report.condition(String.format("live history: %,d events (%,d live campaigns, a fifth scheduled) "
                        + "written to the event store before the engine starts; status index built in %.0f s, every "
                        + "read model and the audit anchors in %.0f s, by the engine at -Xmx%s, then the statistics "
                        + "of the tables it wrote gathered (ANALYZE, as autovacuum would)", liveEvents,
                        size.liveCampaigns(), built[0], built[1], MEMORY_HEAP));
                database.analyzeChanged();
                liveOnly = reads.indexPages(api);
                out.println("lifecycle commands ...");
                http = new CommandRun(api).run(BenchSize.COMMAND_CLIENTS, size.commandCycles());
                lag = new LagWatch(api, READ_MODELS);
                compared = beside(comparison, engine.pid(), api, readSide, lag);
                out.println("a small campaign's activity and one full intake batch ...");
                small = new IntakeRun(api).run("Bench small campaign", 1, SMALL_CAMPAIGN_RECORDS).campaignId();
                new IntakeRun(api).run("Bench memory", 1, BenchSize.BATCH);
                readSide.awaitAll(READ_MODELS, 3_600);
                heap = engine.heap();
            }
            CommandRun.Result bus = busCommands();

            out.println("writing the archived campaigns ...");
            long archivedEvents;
            try (Connection c = database.connect()) {
                archivedEvents = history.write(c, size.archivedCampaigns(), true);
            }
            try (EngineProcess engine = EngineProcess.start(jar, database.jdbcUrl(), "1g")) {
                out.println("engine up again (-Xmx1g) with the archived campaigns; log " + engine.log());
                HttpApi api = engine.api();
                ReadSide readSide = new ReadSide(api, database);
                double[] built = build(readSide);
                report.condition(String.format("archived history: %,d events (%,d archived drafts) appended to the "
                        + "event store with the engine stopped; the engine built them into the read models on top of the "
                        + "live campaigns (status index %.0f s, every read model and the anchors %.0f s), then the "
                        + "database's statistics gathered (ANALYZE, as autovacuum would)", archivedEvents,
                        size.archivedCampaigns(), built[0], built[1]));
                // five to ten times the live campaigns added since the comparison's statistics (by size):
                // autovacuum would gather them again
                database.analyze();
                reads.reportPages(liveOnly, reads.indexPages(api), MEMORY_HEAP, SMALL_CAMPAIGN_RECORDS);
                reads.audit(api, readSide);
                reads.consoleFirstView(api);
                reportCommands(http, bus, singleRate);
                ComparisonRows.add(report, comparison, compared, lag, singleRate);
                out.println("activity intake ...");
                IntakeRun.Result intake = new IntakeRun(api).run(size.intakeBatches());
                report.rate("activity intake, batches of 10,000 (a tenth re-sent)", intake.perSecond(), batchRate,
                        50_000, 0.35);
                report.condition(String.format("intake: %,d accepted, %,d duplicates in %.1f s, one campaign, one "
                        + "client", intake.accepted(), intake.duplicates(), intake.seconds()));
                reads.analytics(api, readSide, intake.campaignId(), small, SMALL_CAMPAIGN_RECORDS);

                out.println("replay of the status index ...");
                double replay = readSide.replay("status-index", 3_600);
                report.rate("status-index replay, events/s", replay, 0, 20_000, 0);
            }
            report.heap(String.format("engine heap at -Xmx%s, %,d live campaigns, after pages, commands and an "
                    + "intake batch", MEMORY_HEAP, size.liveCampaigns()), heap, MEMORY_HEAP);
            report.condition(String.format("heap: the -Xmx%s engine's log (-Xlog:gc) after jcmd GC.run: what the full "
                    + "collection left, and the most the heap held before any collection while it built the live "
                    + "history's read models and served the pages, the HTTP commands and intake batches of %,d and "
                    + "%,d records", MEMORY_HEAP, SMALL_CAMPAIGN_RECORDS, BenchSize.BATCH));
        }

        /**
         * The engine beside the CRUD baseline and nothing else ({@code only=commands}): the live history, read
         * by an engine at -Xmx512m, then commands and pages on it and on the baseline, and single-row inserts.
         */
        void commandsOnly() throws Exception {
            double singleRate = database.singleInsertRate(size.singleInserts(), BenchSize.COMMAND_CLIENTS);
            report.condition(String.format("baseline: single-row inserts each committed, %d connections: %,.0f rows/s",
                    BenchSize.COMMAND_CLIENTS, singleRate));
            writeLive(new SyntheticHistory());
            CrudComparison comparison = new CrudComparison(size);
            CrudComparison.Compared compared;
            LagWatch lag;
            try (EngineProcess engine = EngineProcess.start(jar, database.jdbcUrl(), MEMORY_HEAP)) {
                out.println("engine up at -Xmx" + MEMORY_HEAP + "; log " + engine.log());
                HttpApi api = engine.api();
                ReadSide readSide = new ReadSide(api, database);
                build(readSide);
                database.analyzeChanged();
                lag = new LagWatch(api, READ_MODELS);
                compared = beside(comparison, engine.pid(), api, readSide, lag);
            }
            ComparisonRows.add(report, comparison, compared, lag, singleRate);
        }

        /** The schema migrated by an engine started once, then the live campaigns written: the events written. */
        private long writeLive(SyntheticHistory history) throws Exception {
            try (EngineProcess schema = EngineProcess.start(jar, database.jdbcUrl(), "1g")) {
                out.println("engine started once to migrate the schema; log " + schema.log());
            }
            out.println("writing the live campaigns ...");
            try (Connection c = database.connect()) {
                return history.write(c, size.liveCampaigns(), false);
            }
        }

        /**
         * The engine beside the CRUD baseline, started now on the same database with its table filled as the
         * engine's store, both driven alike and in turns; the engine's campaigns are archived after it (their
         * numbers released).
         */
        private CrudComparison.Compared beside(CrudComparison comparison, long pid, HttpApi api, ReadSide readSide,
                                               LagWatch lag) throws Exception {
            out.println("the CRUD comparison: campaigns launched for the engine, the CRUD baseline started ...");
            List<List<String>> active = ComparedCampaigns.launchEngineCampaigns(api);
            readSide.awaitAll(READ_MODELS, 3_600);
            try (EngineProcess crud = EngineProcess.startCrud(jar, crudJar, database.jdbcUrl(), MEMORY_HEAP)) {
                out.println("CRUD baseline up at -Xmx" + MEMORY_HEAP + "; log " + crud.log());
                List<List<String>> seeded;
                try (Connection c = database.connect()) {
                    seeded = ComparedCampaigns.seedBaseline(c, size.liveCampaigns());
                }
                out.println("... creates, lifecycle commands, a steady 500/s and pages from 16 connections, "
                        + "the engine and the baseline in turns ...");
                CrudComparison.Compared compared = comparison.measure(
                        new CrudComparison.Service(pid, api, "/api/v1/campaigns",
                                "/api/v1/campaigns?sort=name,asc&page=%d&size=20", active, CrudComparison::engineEdit),
                        new CrudComparison.Service(crud.pid(), crud.api(), "/campaigns",
                                "/campaigns?sort=name&page=%d&size=20", seeded, CrudComparison::baselineEdit),
                        () -> readSide.awaitAll(READ_MODELS, 3_600), lag, database::analyze);
                ComparedCampaigns.archiveEngineCampaigns(api, active);
                return compared;
            }
        }

        /** Waits for the status index, then every read model and the anchors: the seconds until each. */
        private double[] build(ReadSide readSide) throws Exception {
            double built = readSide.awaitCaughtUp("status-index", readSide.head(), 3_600);
            out.printf("status index caught up in %.1f s%n", built);
            double all = built + readSide.awaitAll(READ_MODELS, 3_600);
            all += readSide.awaitAnchored(readSide.head(), 3_600);
            out.printf("every read model and the anchors caught up in %.1f s%n", all);
            return new double[] {built, all};
        }

        /**
         * Lifecycle commands from several clients (over HTTP) and threads (on the bus) against the
         * durable-append limit: single-row inserts, each committed.
         */
        private void reportCommands(CommandRun.Result http, CommandRun.Result bus, double singleRate) {
            report.rate(String.format("lifecycle commands over HTTP, %d clients (create, rename, archive)",
                    BenchSize.COMMAND_CLIENTS), http.perSecond(), singleRate, 0, 0.5);
            report.latencyP99("lifecycle command response time over HTTP, same run", http.latencies(), 20);
            report.rate(String.format("lifecycle commands on the command bus, %d threads (same cycles)",
                    BenchSize.COMMAND_CLIENTS), bus.perSecond(), singleRate, 0, 0.5);
            report.latencyP99("lifecycle command response time on the command bus, same run", bus.latencies(), 20);
            report.condition(String.format("commands over HTTP: %,d in %.1f s after a warm-up, on the -Xmx%s engine "
                    + "with the live campaigns; baseline: single-row inserts each committed, from as many connections "
                    + "as clients", http.commands(), http.seconds(), MEMORY_HEAP));
            report.condition(String.format("commands on the bus: %,d in %.1f s after a warm-up, sent through the "
                    + "engine's CommandGateway by the bench's BusDriver inside an engine JVM of its own (-Xmx1g, the "
                    + "engine's jar run by PropertiesLauncher with the driver on loader.path, no other engine "
                    + "running); same baseline", bus.commands(), bus.seconds()));
        }

        /**
         * The same cycles straight on Axon's command bus: {@code BusDriver} inside an engine JVM of its own,
         * started from the engine's jar.
         */
        private CommandRun.Result busCommands() throws Exception {
            out.println("lifecycle commands on the command bus ...");
            JsonNode result;
            try (EngineProcess driver = EngineProcess.startBusDriver(jar, database.jdbcUrl(), "1g",
                    BenchSize.COMMAND_CLIENTS, CommandRun.WARMUP_CYCLES, size.commandCycles())) {
                out.println("command-bus driver started; log " + driver.log());
                result = HttpApi.JSON.readTree(driver.awaitLine(BusDriver.RESULT, Duration.ofMinutes(30)));
            }
            double[] millis = new double[result.path("millis").size()];
            for (int i = 0; i < millis.length; i++) {
                millis[i] = result.path("millis").get(i).asDouble();
            }
            return new CommandRun.Result(result.path("commands").asLong(), result.path("seconds").asDouble(),
                    Latencies.of(millis));
        }
    }
}
