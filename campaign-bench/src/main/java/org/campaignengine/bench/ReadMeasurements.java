package org.campaignengine.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * What dashboards and auditors read, measured over HTTP against an engine whose read models have caught
 * up: index pages and tab counts beside the database's own floor for a page, the audit trail and a
 * campaign's past, and a big and a small campaign's analytics; each row reported with its target.
 */
final class ReadMeasurements {

    /** At most this much slower with the bigger store (p95 against p95) counts as flat. */
    static final double FLAT = 1.5;

    private static final List<String> INDEX_PAGES = List.of("/api/v1/campaigns?size=20&sort=name,asc",
            "/api/v1/campaigns?tab=draft&size=20&sort=updatedAt,desc",
            "/api/v1/campaigns?tab=scheduled&size=20&sort=launchAt,asc",
            "/api/v1/campaigns?tab=archived&size=20&sort=name,desc",
            "/api/v1/campaigns?size=20&office=" + SyntheticHistory.office(7) + "&sort=createdAt,desc");

    private static final List<String> TRAIL_PAGES = List.of("/api/v1/audit/events?size=50",
            "/api/v1/audit/events?type=Archived&size=50", "/api/v1/audit/events?actor=bench&page=3&size=50");

    /** Index pages and tab counts, and the JDBC page by the index beside them. */
    record Pages(Latencies pages, Latencies tabs, Latencies baseline) {
    }

    private final BenchSize size;
    private final BenchDatabase database;
    private final Report report;

    ReadMeasurements(BenchSize size, BenchDatabase database, Report report) {
        this.size = size;
        this.database = database;
        this.report = report;
    }

    Pages indexPages(HttpApi api) throws Exception {
        Latencies engine = measure(api, INDEX_PAGES);
        Latencies baseline;
        try (Connection c = database.connect();
             PreparedStatement query = c.prepareStatement("SELECT * FROM campaign_index WHERE shelf = 3 "
                     + "ORDER BY name_lower, row_key LIMIT 20")) {
            baseline = Latencies.measure(size.samples() / 5, size.samples(), () -> {
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        rs.getString(1);
                    }
                }
                return null;
            });
        }
        return new Pages(engine, measure(api, List.of("/api/v1/campaigns/tabs")), baseline);
    }

    void reportPages(Pages liveOnly, Pages withArchived, String heap, int smallCampaignRecords) {
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
                + "index table through its (shelf, name) index (the draft shelf is 3), measured beside each set "
                + "of pages: the database's own floor for a page");
        report.condition(String.format("flat: p95 with the bigger store at most %.1f× p95 with the smaller "
                + "(pages and tabs: live only, measured by the -Xmx%s engine before the archived campaigns were "
                + "written; with archived, by the -Xmx1g engine after they were built; analytics and series: a "
                + "campaign of %,d records beside one of %,d, same engine, their requests taken in turn)", FLAT, heap,
                size.intakeRecords(), smallCampaignRecords));
    }

    /** What an auditor reads: the organisation-wide trail over the whole history, and one campaign's past. */
    void audit(HttpApi api, ReadSide readSide) throws Exception {
        if (!readSide.exists("audit-trail")) {
            report.condition("audit: this build has no audit trail; not measured");
            return;
        }
        report.latency(String.format("audit trail page of 50 over %,d events (three filter mixes)", readSide.head()),
                measure(api, TRAIL_PAGES), null, 30);
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
            return ok(api.get(base + "/state?asOf=" + Instant.now()));
        });
        report.latency("a campaign's history, then its state as of now (two requests)", past, null, 30);
    }

    /** Measured once every read model has taken the intake in, so no catch-up competes for the cores. */
    void analytics(HttpApi api, ReadSide readSide, String big, String small, int smallRecords) throws Exception {
        if (!readSide.exists("analytics")) {
            report.condition("analytics: this build has no analytics read model; not measured");
            return;
        }
        readSide.awaitAll(BenchMain.READ_MODELS, 3_600);
        String smallLabel = String.format("%,d records", smallRecords);
        String bigLabel = String.format("%,d records", size.intakeRecords());
        for (String figure : List.of("analytics", "activity series")) {
            String path = figure.equals("analytics") ? "/analytics" : "/analytics/activity";
            List<Latencies> both = Latencies.interleaved(size.samples() / 5, size.samples(),
                    List.of(() -> ok(api.get("/api/v1/campaigns/" + big + path)),
                            () -> ok(api.get("/api/v1/campaigns/" + small + path))));
            Latencies bigCampaign = both.get(0);
            Latencies smallCampaign = both.get(1);
            report.latency(figure + " of a campaign with " + bigLabel, bigCampaign, null, 30);
            report.latency(figure + " of a campaign with " + smallLabel, smallCampaign, null, 30);
            report.flatness(figure + " p95 flat from " + smallLabel + " to " + bigLabel, bigCampaign, smallLabel,
                    smallCampaign, FLAT);
        }
    }

    /** Latencies of GETs that must answer 200, taking the paths in turn. */
    private Latencies measure(HttpApi api, List<String> paths) throws Exception {
        int[] next = {0};
        return Latencies.measure(size.samples() / 5, size.samples(),
                () -> ok(api.get(paths.get(next[0]++ % paths.size()))));
    }

    /** What the operator console fetches before it shows its first rows: its files, then the tab counts and a page. */
    private static final List<String> CONSOLE_FIRST_VIEW = List.of("/console/", "/console/console.css",
            "/console/js/api.js", "/console/js/console.js", "/api/v1/session", "/api/v1/campaigns/tabs",
            "/api/v1/campaigns?tab=all&sort=updatedAt,desc&page=0&size=25");

    /**
     * The console's campaigns page, its first view from a browser with nothing cached, one request after
     * another (a browser overlaps some): the page and its own files (the libraries, from their WebJars, are
     * left out: a browser keeps them), who is signed in, the tab counts and the first page of 25 campaigns.
     */
    void consoleFirstView(HttpApi api) throws Exception {
        Latencies firstView = Latencies.measure(size.samples() / 5, size.samples(), () -> {
            HttpApi.Reply last = null;
            for (String path : CONSOLE_FIRST_VIEW) {
                if (path.startsWith("/console/")) {
                    api.getFile(path);
                } else {
                    last = ok(api.get(path));
                }
            }
            return last;
        });
        report.latency("console campaigns page, first view's " + CONSOLE_FIRST_VIEW.size()
                + " requests one after another (" + size.liveCampaigns() + " live, " + size.archivedCampaigns()
                + " archived)", firstView, null, 1_000);
    }

    private static HttpApi.Reply ok(HttpApi.Reply reply) {
        if (reply.status() != 200) {
            throw new IllegalStateException("answered " + reply.status() + ": " + reply.body());
        }
        return reply;
    }
}
