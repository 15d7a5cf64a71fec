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

    /** The measurements of one run, in order: baselines, history, read side, intake, analytics, replay. */
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
            out.println("writing the synthetic history ...");
            long events;
            try (Connection c = database.connect()) {
                events = new SyntheticHistory().write(c, size.liveCampaigns(), size.archivedCampaigns());
            }
            report.condition(String.format("history: %,d events (%,d live campaigns, a fifth scheduled; %,d archived "
                    + "drafts) written to the event store before the engine starts", events, size.liveCampaigns(),
                    size.archivedCampaigns()));
            try (EngineProcess engine = EngineProcess.start(jar, database.jdbcUrl(), "1g")) {
                out.println("engine up; log " + engine.log());
                measure(engine.api(), new ReadSide(engine.api(), database), batchRate, singleRate);
            }
        }

        private void measure(HttpApi api, ReadSide readSide, double batchRate, double singleRate) throws Exception {
            double built = readSide.awaitCaughtUp("status-index", readSide.head(), 3_600);
            out.printf("status index built from the history in %.1f s%n", built);
            double all = built + readSide.awaitAll(READ_MODELS, 3_600);
            out.printf("every read model built from the history in %.1f s%n", all);
            all += readSide.awaitAnchored(readSide.head(), 3_600);
            report.condition(String.format("build from the history: status index %.0f s, every read model and the "
                    + "audit anchors %.0f s (side by side on the same two cores); pages are measured after both",
                    built, all));
            indexPages(api);
            audit(api, readSide);
            commands(api, singleRate);

            out.println("activity intake ...");
            IntakeRun.Result intake = new IntakeRun(api).run(size.intakeBatches());
            report.rate("activity intake, batches of 10,000 (a tenth re-sent)", intake.perSecond(), batchRate, 50_000,
                    0.35);
            report.condition(String.format("intake: %,d accepted, %,d duplicates in %.1f s, one campaign, one client",
                    intake.accepted(), intake.duplicates(), intake.seconds()));
            analytics(api, readSide, intake.campaignId());

            out.println("replay of the status index ...");
            double replay = readSide.replay("status-index", 3_600);
            report.rate("status-index replay, events/s", replay, 0, 20_000, 0);
        }

        private void indexPages(HttpApi api) throws Exception {
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
            report.latency("index page of 20, five tab/sort/filter mixes, over HTTP", engine, baseline, 30);
            report.condition("index baseline: one page of the draft tab by name, read by JDBC straight from the "
                    + "index table through its (tab, name) index: the database's own floor for a page");
            Latencies tabs = Latencies.measure(size.samples() / 5, size.samples(),
                    () -> api.get("/api/v1/campaigns/tabs"));
            report.latency("tab counts, over HTTP", tabs, baseline, 30);
        }

        /** Lifecycle commands from several clients against the durable-append limit: single-row inserts, each committed. */
        private void commands(HttpApi api, double singleRate) throws Exception {
            out.println("lifecycle commands ...");
            CommandRun.Result run = new CommandRun(api).run(BenchSize.COMMAND_CLIENTS, size.commandCycles());
            report.rate(String.format("lifecycle commands over HTTP, %d clients (create, rename, archive)",
                    BenchSize.COMMAND_CLIENTS), run.perSecond(), singleRate, 0, 0.5);
            report.latencyP99("lifecycle command response time over HTTP, same run", run.latencies(), 20);
            report.condition(String.format("commands: %,d in %.1f s after a warm-up; baseline: single-row inserts each "
                    + "committed, from as many connections as clients", run.commands(), run.seconds()));
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
        private void analytics(HttpApi api, ReadSide readSide, String campaignId) throws Exception {
            if (!readSide.exists("analytics")) {
                report.condition("analytics: this build has no analytics read model; not measured");
                return;
            }
            readSide.awaitAll(READ_MODELS, 3_600);
            String base = "/api/v1/campaigns/" + campaignId + "/analytics";
            Latencies figures = Latencies.measure(size.samples() / 5, size.samples(), () -> api.get(base));
            Latencies series = Latencies.measure(size.samples() / 5, size.samples(), () -> api.get(base + "/activity"));
            report.latency(String.format("analytics of a campaign with %,d records", size.intakeRecords()), figures,
                    null, 30);
            report.latency(String.format("activity series of a campaign with %,d records", size.intakeRecords()),
                    series, null, 30);
        }
    }
}
