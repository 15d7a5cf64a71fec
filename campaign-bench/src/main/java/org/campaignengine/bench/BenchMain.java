package org.campaignengine.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.time.Duration;

import org.campaignengine.bench.bus.BusDriver;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One command measures the engine on PostgreSQL and, in the same run on the same database, what plain
 * JDBC reaches; it prints a table of both with their ratio and the target. Arguments:
 * {@code size=smoke|medium|full} (default smoke), {@code jar=PATH} (default the api module's jar),
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
        String server = options.getOrDefault("postgres", System.getenv().getOrDefault("CAMPAIGN_BENCH_POSTGRES_URL",
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"));
        Report report = new Report();
        out.printf("campaign-bench, size %s: %,d live + %,d archived campaigns, %,d activity records%n", size.name(),
                size.liveCampaigns(), size.archivedCampaigns(), size.intakeRecords());
        try (BenchDatabase database = BenchDatabase.create(server)) {
            if (Boolean.parseBoolean(options.getOrDefault("keep", "false"))) {
                database.keep();
            }
            new Run(size, jar, database, report, out).all();
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

    /** At most this much slower with the bigger store (p95 against p95) counts as flat. */
    static final double FLAT = 1.5;

    /** Records of the small campaign whose analytics are measured beside the big one's. */
    static final int SMALL_CAMPAIGN_RECORDS = 1_000;

    /** Index pages and tab counts, and the JDBC page by the index beside them. */
    private record Pages(Latencies pages, Latencies tabs, Latencies baseline) {
    }

    /**
     * The measurements of one run, in order: baselines; the live history, read by an engine at -Xmx512m
     * (pages, HTTP commands, a small campaign's and one full intake batch, then its heap); commands on the
     * bus; the archived history appended, read by a second engine (pages again, audit, intake, analytics,
     * replay). Rows are reported in a reading order of their own.
     */
    private record Run(BenchSize size, Path jar, BenchDatabase database, Report report, PrintStream out) {

        void all() throws Exception {
            out.println("baselines: JDBC batch and single-row inserts ...");
            double batchRate = database.batchInsertRate(size.intakeRecords(), BenchSize.BATCH);
            double singleRate = database.singleInsertRate(size.singleInserts(), BenchSize.COMMAND_CLIENTS);
            report.condition(String.format("baselines: JDBC batch inserts of %,d activity-shaped rows, %,d per "
                    + "commit: %,.0f rows/s; single-row inserts each committed, %d connections: %,.0f rows/s", size.intakeRecords(),
                    BenchSize.BATCH, batchRate, BenchSize.COMMAND_CLIENTS, singleRate));
            try (EngineProcess schema = EngineProcess.start(jar, database.jdbcUrl(), "1g")) {
                out.println("engine started once to migrate the schema; log " + schema.log());
            }
            SyntheticHistory history = new SyntheticHistory();
            out.println("writing the live campaigns ...");
            long liveEvents;
            try (Connection c = database.connect()) {
                liveEvents = history.write(c, size.liveCampaigns(), false);
            }

            Pages liveOnly;
            CommandRun.Result http;
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
                        + "read model and the audit anchors in %.0f s, by the engine at -Xmx%s", liveEvents,
                        size.liveCampaigns(), built[0], built[1], MEMORY_HEAP));
                liveOnly = indexPages(api);
                out.println("lifecycle commands ...");
                http = new CommandRun(api).run(BenchSize.COMMAND_CLIENTS, size.commandCycles());
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
                        + "live campaigns (status index %.0f s, every read model and the anchors %.0f s)", archivedEvents,
                        size.archivedCampaigns(), built[0], built[1]));
                Pages withArchived = indexPages(api);
                reportPages(liveOnly, withArchived);
                audit(api, readSide);
                reportCommands(http, bus, singleRate);
                out.println("activity intake ...");
                IntakeRun.Result intake = new IntakeRun(api).run(size.intakeBatches());
                report.rate("activity intake, batches of 10,000 (a tenth re-sent)", intake.perSecond(), batchRate,
                        50_000, 0.35);
                report.condition(String.format("intake: %,d accepted, %,d duplicates in %.1f s, one campaign, one "
                        + "client", intake.accepted(), intake.duplicates(), intake.seconds()));
                analytics(api, readSide, intake.campaignId(), small);

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

        /** Waits for the status index, then every read model and the anchors: the seconds until each. */
        private double[] build(ReadSide readSide) throws Exception {
            double built = readSide.awaitCaughtUp("status-index", readSide.head(), 3_600);
            out.printf("status index caught up in %.1f s%n", built);
            double all = built + readSide.awaitAll(READ_MODELS, 3_600);
            all += readSide.awaitAnchored(readSide.head(), 3_600);
            out.printf("every read model and the anchors caught up in %.1f s%n", all);
            return new double[] {built, all};
        }

        private Pages indexPages(HttpApi api) throws Exception {
            List<String> pages = List.of("/api/v1/campaigns?size=20&sort=name,asc",
                    "/api/v1/campaigns?tab=draft&size=20&sort=updatedAt,desc",
                    "/api/v1/campaigns?tab=scheduled&size=20&sort=launchAt,asc",
                    "/api/v1/campaigns?tab=archived&size=20&sort=name,desc",
                    "/api/v1/campaigns?size=20&office=office-7&sort=createdAt,desc");
            int[] next = {0};
            Latencies engine = Latencies.measure(size.samples() / 5, size.samples(), () -> {
                HttpApi.Reply page = api.get(pages.get(next[0]++ % pages.size()));
                if (page.status() != 200) {
                    throw new IllegalStateException("index page answered " + page.status() + ": " + page.body());
                }
                return page;
            });
            Latencies baseline;
            try (Connection c = database.connect();
                 PreparedStatement query = c.prepareStatement("SELECT * FROM campaign_index WHERE tab = 'draft' "
                         + "ORDER BY name_lower, id LIMIT 20")) {
                baseline = Latencies.measure(size.samples() / 5, size.samples(), () -> {
                    try (ResultSet rs = query.executeQuery()) {
                        while (rs.next()) {
                            rs.getString(1);
                        }
                    }
                    return null;
                });
            }
            Latencies tabs = Latencies.measure(size.samples() / 5, size.samples(),
                    () -> ok(api.get("/api/v1/campaigns/tabs")));
            return new Pages(engine, tabs, baseline);
        }

        private void reportPages(Pages liveOnly, Pages withArchived) {
            String live = String.format("%,d live only", size.liveCampaigns());
            String archived = String.format("%,d live and %,d archived", size.liveCampaigns(), size.archivedCampaigns());
            report.latency("index page of 20, five tab/sort/filter mixes, over HTTP, " + live, liveOnly.pages(),
                    liveOnly.baseline(), 30);
            report.latency("index page of 20, same mixes, " + archived, withArchived.pages(), withArchived.baseline(),
                    30);
            report.flatness("index page p95 flat as archived campaigns grow (with archived / live only)",
                    withArchived.pages(), "live only", liveOnly.pages(), FLAT);
            report.latency("tab counts, over HTTP, " + live, liveOnly.tabs(), liveOnly.baseline(), 30);
            report.latency("tab counts, " + archived, withArchived.tabs(), withArchived.baseline(), 30);
            report.flatness("tab counts p95 flat as archived campaigns grow (with archived / live only)",
                    withArchived.tabs(), "live only", liveOnly.tabs(), FLAT);
            report.condition("index baseline: one page of the draft tab by name, read by JDBC straight from the "
                    + "index table through its (tab, name) index, measured beside each set of pages: the database's "
                    + "own floor for a page");
            report.condition(String.format("flat: p95 with the bigger store at most %.1f× p95 with the smaller "
                    + "(pages and tabs: live only, measured by the -Xmx%s engine before the archived campaigns were "
                    + "written; with archived, by the -Xmx1g engine after they were built; analytics and series: a "
                    + "campaign of %,d records beside one of %,d, same engine, same moment)", FLAT, MEMORY_HEAP,
                    size.intakeRecords(), SMALL_CAMPAIGN_RECORDS));
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

        /** What an auditor reads: the organisation-wide trail over the whole history, and one campaign's past. */
        private void audit(HttpApi api, ReadSide readSide) throws Exception {
            if (!readSide.exists("audit-trail")) {
                report.condition("audit: this build has no audit trail; not measured");
                return;
            }
            List<String> trail = List.of("/api/v1/audit/events?size=50", "/api/v1/audit/events?type=Archived&size=50",
                    "/api/v1/audit/events?actor=bench&page=3&size=50");
            int[] next = {0};
            Latencies pages = Latencies.measure(size.samples() / 5, size.samples(), () -> ok(api.get(trail.get(next[0]++
                    % trail.size()))));
            report.latency(String.format("audit trail page of 50 over %,d events (three filter mixes)", readSide.head()),
                    pages, null, 30);
            String campaign;
            try (Connection c = database.connect(); Statement sql = c.createStatement();
                 ResultSet rs = sql.executeQuery("SELECT aggregateIdentifier FROM DomainEventEntry WHERE type = "
                         + "'Campaign' ORDER BY globalIndex DESC LIMIT 1")) {
                rs.next();
                campaign = rs.getString(1);
            }
            String base = "/api/v1/campaigns/" + campaign;
            Latencies past = Latencies.measure(size.samples() / 5, size.samples(), () -> {
                ok(api.get(base + "/history"));
                return ok(api.get(base + "/state?asOf=" + java.time.Instant.now()));
            });
            report.latency("a campaign's history, then its state as of now (two requests)", past, null, 30);
        }

        private static HttpApi.Reply ok(HttpApi.Reply reply) {
            if (reply.status() != 200) {
                throw new IllegalStateException("answered " + reply.status() + ": " + reply.body());
            }
            return reply;
        }

        /** Measured once every read model has taken the intake in, so no catch-up competes for the cores. */
        private void analytics(HttpApi api, ReadSide readSide, String big, String small) throws Exception {
            if (!readSide.exists("analytics")) {
                report.condition("analytics: this build has no analytics read model; not measured");
                return;
            }
            readSide.awaitAll(READ_MODELS, 3_600);
            Latencies bigFigures = measure(api, "/api/v1/campaigns/" + big + "/analytics");
            Latencies smallFigures = measure(api, "/api/v1/campaigns/" + small + "/analytics");
            Latencies bigSeries = measure(api, "/api/v1/campaigns/" + big + "/analytics/activity");
            Latencies smallSeries = measure(api, "/api/v1/campaigns/" + small + "/analytics/activity");
            String smallLabel = String.format("%,d records", SMALL_CAMPAIGN_RECORDS);
            report.latency(String.format("analytics of a campaign with %,d records", size.intakeRecords()), bigFigures,
                    null, 30);
            report.latency("analytics of a campaign with " + smallLabel, smallFigures, null, 30);
            report.flatness(String.format("analytics p95 flat from %s to %,d records", smallLabel, size.intakeRecords()),
                    bigFigures, smallLabel, smallFigures, FLAT);
            report.latency(String.format("activity series of a campaign with %,d records", size.intakeRecords()),
                    bigSeries, null, 30);
            report.latency("activity series of a campaign with " + smallLabel, smallSeries, null, 30);
            report.flatness(String.format("activity series p95 flat from %s to %,d records", smallLabel,
                    size.intakeRecords()), bigSeries, smallLabel, smallSeries, FLAT);
        }

        private Latencies measure(HttpApi api, String path) throws Exception {
            return Latencies.measure(size.samples() / 5, size.samples(), () -> ok(api.get(path)));
        }
    }
}
