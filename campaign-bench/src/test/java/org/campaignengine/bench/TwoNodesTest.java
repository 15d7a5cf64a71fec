package org.campaignengine.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.MultiProcess;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Two engine processes on loopback share one PostgreSQL database (issue 11). Clients send commands and
 * activity to both; one node is killed mid-load, as a crash would stop it. Every command and record either
 * node acknowledged must then be in the store exactly once, every scheduled launch must fire exactly once
 * (the survivor takes over the dead node's timers and segments), the status index must equal its replay,
 * and the hash chain must verify. Runs the packaged engine jar, so it belongs to this module, built after it.
 */
@PostgresTest
@MultiProcess
class TwoNodesTest {

    static final Path JAR = Path.of("..", "campaign-api", "target", "campaign-api-0.1.0-SNAPSHOT.jar");
    /** Timers a few seconds out instead of the production lead time, so launches fall due after the kill. */
    private static final List<String> SETTINGS = List.of("--campaign.schedule.min-lead-time=PT1S",
            "--campaign.schedule.lock-window=PT1S");

    private static final String OUTCOMES = "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
            + "AND (payloadType LIKE '%$Launched' OR payloadType LIKE '%$LaunchFailed' OR payloadType LIKE '%$Rejected')";

    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final Set<String> records = ConcurrentHashMap.newKeySet();

    @Test
    void acknowledged_commands_and_records_survive_a_killed_node_exactly_once_and_every_timer_fires_once()
            throws Exception {
        assertThat(Files.isRegularFile(JAR)).as(JAR + ": build the engine first (mvn verify builds it)").isTrue();
        try (FreshDatabase database = FreshDatabase.create();
             EngineProcess survivor = EngineProcess.start(JAR, database.jdbcUrl(), "512m", SETTINGS);
             EngineProcess victim = EngineProcess.start(JAR, database.jdbcUrl(), "512m", SETTINGS)) {
            HttpApi a = survivor.api();
            HttpApi b = victim.api();
            String active = activeCampaign(a);
            Instant launchAt = Instant.now().plusSeconds(25).truncatedTo(ChronoUnit.MILLIS);

            AtomicBoolean stopB = new AtomicBoolean();
            AtomicBoolean stopAll = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> load = new ArrayList<>();
            for (int c = 0; c < 2; c++) {
                int client = c;
                load.add(clients.submit(() -> drive(a, "a" + client, active, launchAt, stopAll)));
                load.add(clients.submit(() -> drive(b, "b" + client, active, launchAt, stopB)));
            }
            Thread.sleep(8_000);
            victim.kill();
            stopB.set(true);
            Thread.sleep(4_000);
            stopAll.set(true);
            for (Future<?> each : load) {
                each.get(60, TimeUnit.SECONDS);
            }
            clients.shutdown();
            assertThat(created).as("campaigns created through both nodes").hasSizeGreaterThan(20);
            assertThat(scheduled).as("launches scheduled").hasSizeGreaterThan(4);
            assertThat(records).as("records acknowledged").hasSizeGreaterThan(100);

            try (Connection db = DriverManager.getConnection(database.jdbcUrl())) {
                for (String id : created) {
                    assertThat(count(db, "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                            + "AND payloadType LIKE '%$Created'", id)).as("created once: " + id).isEqualTo(1);
                }
                awaitLaunched(db);
                assertThat(storedRecords(db, active)).as("every acknowledged record kept once").containsAll(records);
                assertThat(count(db, "SELECT COUNT(*) FROM activity_record WHERE campaign_id = ?", active))
                        .isEqualTo(storedRecords(db, active).size());
            }
            JsonNode before = allPages(a);
            assertThat(a.post("/api/v1/admin/projections/status-index/replay", null).status()).isEqualTo(202);
            awaitReplayed(a);
            assertThat(allPages(a)).as("the status index equals its replay").isEqualTo(before);
            JsonNode verify = a.get("/api/v1/audit/verify").body();
            assertThat(verify.path("verified").asBoolean()).as(verify.toString()).isTrue();
        }
    }

    /** Creates and schedules campaigns and records activity on one node until told to stop or the node dies. */
    private Void drive(HttpApi node, String client, String active, Instant launchAt, AtomicBoolean stop) {
        int i = 0;
        while (!stop.get()) {
            i++;
            try {
                HttpApi.Reply created = node.post("/api/v1/campaigns", ready("Two nodes " + client + " " + i));
                if (created.status() == 201) {
                    String id = created.text("id");
                    this.created.add(id);
                }
                if (created.status() == 201 && i % 4 == 0) {
                    String id = created.text("id");
                    HttpApi.Reply done = node.post("/api/v1/campaigns/" + id + "/schedule",
                            Map.of("launchAt", launchAt.toString()));
                    if (done.status() == 200) {
                        scheduled.add(id);
                    }
                }
                List<Map<String, Object>> batch = new ArrayList<>();
                for (int r = 0; r < 20; r++) {
                    batch.add(Map.of("recordId", client + "-" + i + "-" + r, "type", "MESSAGE_SENT",
                            "at", Instant.now().toString(), "contactId", client + "-contact-" + r));
                }
                HttpApi.Reply sent = node.post("/api/v1/campaigns/" + active + "/activity", Map.of("records", batch));
                if (sent.status() == 200 && sent.body().path("accepted").asInt() == batch.size()) {
                    batch.forEach(r -> records.add((String) r.get("recordId")));
                }
            } catch (IOException | InterruptedException dead) {
                return null;
            }
        }
        return null;
    }

    static Map<String, Object> ready(String name) {
        return Map.of("name", name, "channel", "SMS", "office", "office-1", "settings", IntakeRun.readySettings(250));
    }

    /** A launched campaign, once ACTIVE: activity is recorded on it. */
    static String activeCampaign(HttpApi node) throws Exception {
        String id = node.post("/api/v1/campaigns", ready("Two nodes activity")).text("id");
        assertThat(node.post("/api/v1/campaigns/" + id + "/launch", null).status()).isEqualTo(202);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!"ACTIVE".equals(node.get("/api/v1/campaigns/" + id).text("status"))) {
            assertThat(System.nanoTime()).as("launched in time").isLessThan(deadline);
            Thread.sleep(200);
        }
        return id;
    }

    /**
     * Every scheduled launch fired once, by whichever node held its timer when it fell due, and its launch
     * ended once (launched, or failed back to DRAFT: the carrier's answer does not matter here), and no
     * second time after.
     */
    private void awaitLaunched(Connection db) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (String id : scheduled) {
            while (count(db, OUTCOMES, id) == 0) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no launch outcome in time: " + id + "; " + describe(db, id));
                }
                Thread.sleep(250);
            }
        }
        Thread.sleep(3_000);
        for (String id : scheduled) {
            assertThat(count(db, "SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                    + "AND payloadType LIKE '%$LaunchRequested'", id)).as("one launch request: " + id).isEqualTo(1);
            assertThat(count(db, OUTCOMES, id)).as("one launch outcome: " + id).isEqualTo(1);
        }
    }

    /** What the store holds of a campaign and its timers, and who holds the processors' segments. */
    private static String describe(Connection db, String id) throws Exception {
        StringBuilder text = new StringBuilder();
        for (String sql : List.of(
                "SELECT sequenceNumber || ' ' || payloadType || ' ' || timeStamp FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber",
                "SELECT task_name || ' due ' || execution_time || ' picked ' || picked || ' by ' || COALESCE(picked_by, '-') || ' failures ' || COALESCE(consecutive_failures, 0) FROM scheduled_tasks WHERE ? IS NOT NULL ORDER BY execution_time",
                "SELECT processorName || '/' || segment || ' ' || COALESCE(owner, '-') || ' ' || timestamp FROM TokenEntry WHERE ? IS NOT NULL ORDER BY processorName, segment")) {
            try (PreparedStatement query = db.prepareStatement(sql)) {
                query.setString(1, id);
                try (ResultSet rs = query.executeQuery()) {
                    while (rs.next()) {
                        text.append(rs.getString(1)).append("; ");
                    }
                }
            }
            text.append("| ");
        }
        return text.toString();
    }

    private static void awaitReplayed(HttpApi node) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        Thread.sleep(500);
        while (node.get("/api/v1/admin/projections/status-index/replay").body().path("replaying").asBoolean()) {
            assertThat(System.nanoTime()).as("replayed in time").isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    /** Every page of the index, every tab, by name: what a dashboard would show. */
    private static JsonNode allPages(HttpApi node) throws Exception {
        com.fasterxml.jackson.databind.node.ArrayNode rows = HttpApi.JSON.createArrayNode();
        for (String tab : List.of("all", "active", "scheduled", "draft", "archived")) {
            for (int page = 0; ; page++) {
                JsonNode items = node.get("/api/v1/campaigns?tab=" + tab + "&sort=name,asc&size=100&page=" + page)
                        .body().path("items");
                items.forEach(rows::add);
                if (items.size() < 100) {
                    break;
                }
            }
        }
        rows.add(node.get("/api/v1/campaigns/tabs").body());
        return rows;
    }

    private static List<String> storedRecords(Connection db, String campaign) throws Exception {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT record_id FROM activity_record WHERE campaign_id = ?")) {
            query.setString(1, campaign);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids;
    }

    private static long count(Connection db, String sql, String id) throws Exception {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setString(1, id);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
