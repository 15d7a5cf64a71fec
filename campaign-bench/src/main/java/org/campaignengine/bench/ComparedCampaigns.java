package org.campaignengine.bench;

import static org.campaignengine.bench.CrudComparison.CAMPAIGNS_PER_CONNECTION;
import static org.campaignengine.bench.CrudComparison.CONNECTIONS;
import static org.campaignengine.bench.CrudComparison.expect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The campaigns the CRUD comparison works on: on the engine, launched over its API (and archived after,
 * which gives their phone numbers back); on the baseline, rows written straight into its table, as many
 * live campaigns as the engine's store holds and the active ones of each connection.
 */
final class ComparedCampaigns {

    private ComparedCampaigns() {
    }

    /**
     * The engine's campaigns for the lifecycle commands: {@link CrudComparison#CAMPAIGNS_PER_CONNECTION} a
     * connection, each created with what a launch needs, launched and seen ACTIVE.
     */
    static List<List<String>> launchEngineCampaigns(HttpApi api) throws Exception {
        List<List<String>> active = new ArrayList<>();
        for (int c = 0; c < CONNECTIONS; c++) {
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < CAMPAIGNS_PER_CONNECTION; k++) {
                String id = expect(201, api.post("/api/v1/campaigns", Map.of("name", "Compared active " + c + "-" + k,
                        "channel", "SMS", "office", "office-1", "settings", IntakeRun.readySettings(250)))).text("id");
                String path = "/api/v1/campaigns/" + id;
                long version = expect(202, api.post(path + "/launch", null)).body().path("version").asLong();
                String status = expect(200, api.get(path + "?minVersion=" + (version + 1))).text("status");
                if (!"ACTIVE".equals(status)) {
                    throw new IllegalStateException("campaign " + id + " is " + status + " after its launch, not ACTIVE; "
                            + "its history: " + api.get(path + "/history").body());
                }
                ids.add(id);
            }
            active.add(ids);
        }
        return active;
    }

    /** Archives the engine's compared campaigns, which gives their phone numbers back for the campaigns after. */
    static void archiveEngineCampaigns(HttpApi api, List<List<String>> active) throws Exception {
        for (List<String> ids : active) {
            for (String id : ids) {
                expect(200, api.post("/api/v1/campaigns/" + id + "/archive", null));
            }
        }
    }

    /**
     * The baseline's table filled as the engine's store is: {@code live} campaigns (drafts, a fifth
     * scheduled), then {@link CrudComparison#CAMPAIGNS_PER_CONNECTION} ACTIVE ones a connection, answered per connection.
     */
    static List<List<String>> seedBaseline(java.sql.Connection c, int live) throws Exception {
        String[] words = {"canvass", "turnout", "volunteers", "donors", "reminder", "survey", "outreach", "gotv",
                "petition", "townhall"};
        java.util.Random random = new java.util.Random(42);
        List<List<String>> active = new ArrayList<>();
        c.setAutoCommit(false);
        try (java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO crud_campaign (id, name, channel, "
                + "office, status, version, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 0, now(), now())")) {
            int rows = live + CONNECTIONS * CAMPAIGNS_PER_CONNECTION;
            for (int i = 0; i < rows; i++) {
                java.util.UUID id = java.util.UUID.randomUUID();
                boolean isActive = i >= live;
                insert.setObject(1, id);
                insert.setString(2, isActive ? "Compared active " + (i - live)
                        : words[random.nextInt(words.length)] + " " + words[random.nextInt(words.length)] + " " + i);
                insert.setString(3, i % 4 == 0 ? "VOICE" : "SMS");
                insert.setString(4, SyntheticHistory.office(i));
                insert.setString(5, isActive ? "ACTIVE" : i % 5 == 0 ? "SCHEDULED" : "DRAFT");
                insert.addBatch();
                if (isActive) {
                    int k = i - live;
                    if (k % CAMPAIGNS_PER_CONNECTION == 0) {
                        active.add(new ArrayList<>());
                    }
                    active.get(active.size() - 1).add(id.toString());
                }
                if (i % 2_000 == 1_999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
        }
        try (java.sql.Statement analyze = c.createStatement()) {
            analyze.execute("ANALYZE crud_campaign");
        }
        c.commit();
        return active;
    }
}
