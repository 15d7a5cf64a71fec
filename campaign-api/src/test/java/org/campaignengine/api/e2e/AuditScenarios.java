package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.readySms;
import static org.campaignengine.api.e2e.Campaigns.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What an auditor reads over HTTP (the lifecycle rules' history and audit, issue 10): a known lifecycle written through the
 * API and read back as history, as the state at every version and instant, as an export in both
 * formats, and in the organisation-wide trail; and who may read it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD})
abstract class AuditScenarios {

    static final String CAMPAIGNS = "/api/v1/campaigns";
    private static final String PASSWORD = "audit reader secret";
    private static final List<String> LIFECYCLE = List.of("Created", "SettingsUpdated", "LaunchRequested", "Launched",
            "Paused", "Resumed", "Stopped", "Archived");
    private static final List<String> STATUSES = List.of("DRAFT", "DRAFT", "LAUNCHING", "ACTIVE", "PAUSED", "ACTIVE",
            "STOPPED", "ARCHIVED");

    @LocalServerPort
    int port;

    EngineClient admin;

    @BeforeEach
    void connect() {
        admin = new EngineClient(port, "admin", EngineScenarios.PASSWORD);
    }

    @Test
    void history_lists_every_event_in_order_with_who_caused_it_and_the_request_it_came_from() {
        String id = lifecycle("History canvass");
        Reply history = admin.get(CAMPAIGNS + "/" + id + "/history");
        assertThat(history.status()).isEqualTo(200);
        JsonNode events = history.body();
        assertThat(types(events)).isEqualTo(LIFECYCLE);
        for (int i = 0; i < events.size(); i++) {
            assertThat(events.get(i).path("sequence").asLong()).isEqualTo(i);
            assertThat(events.get(i).path("payload").path("campaignId").asText()).isEqualTo(id);
            assertThat(Instant.parse(events.get(i).path("occurredAt").asText())).isBeforeOrEqualTo(Instant.now());
        }
        assertThat(events.get(0).path("actor").asText()).isEqualTo("admin");
        assertThat(events.get(0).path("requestId").asText()).isEqualTo(requestId("History canvass"));
        assertThat(events.get(1).path("payload").path("changed").get(0).asText()).isEqualTo("name");
        assertThat(events.get(3).path("actor").asText()).as("the launch process acts for the engine").isNotBlank();
        assertThat(events.get(7).path("payload").path("reason").asText()).isEqualTo("MANUAL");
        assertThat(history.header("Link")).isNull();
    }

    @Test
    void a_long_history_is_read_page_by_page_and_narrowed_by_type_and_time() {
        String id = lifecycle("Paged canvass");
        Reply first = admin.get(CAMPAIGNS + "/" + id + "/history?size=3");
        assertThat(types(first.body())).isEqualTo(LIFECYCLE.subList(0, 3));
        assertThat(first.header("Link")).isEqualTo("</api/v1/campaigns/" + id + "/history?page=1&size=3>; rel=\"next\"");
        assertThat(types(admin.get(CAMPAIGNS + "/" + id + "/history?page=2&size=3").body()))
                .isEqualTo(LIFECYCLE.subList(6, 8));

        Reply typed = admin.get(CAMPAIGNS + "/" + id + "/history?type=Paused,Resumed&type=Archived");
        assertThat(types(typed.body())).containsExactly("Paused", "Resumed", "Archived");
        assertThat(typed.body().get(0).path("sequence").asLong()).isEqualTo(4);
        Reply typedPage = admin.get(CAMPAIGNS + "/" + id + "/history?type=Paused,Resumed,Archived&page=1&size=2");
        assertThat(types(typedPage.body())).containsExactly("Archived");

        JsonNode all = admin.get(CAMPAIGNS + "/" + id + "/history").body();
        String pausedAt = all.get(4).path("occurredAt").asText();
        String stoppedAt = all.get(6).path("occurredAt").asText();
        Reply window = admin.get(CAMPAIGNS + "/" + id + "/history?from=" + pausedAt + "&to=" + stoppedAt);
        assertThat(window.body().get(0).path("sequence").asLong()).isEqualTo(4);
        assertThat(types(window.body())).doesNotContain("Stopped", "Archived", "Created");

        assertThat(admin.get(CAMPAIGNS + "/" + id + "/history?from=yesterday").status()).isEqualTo(400);
        assertThat(admin.get(CAMPAIGNS + "/" + id + "/history?size=0").status()).isEqualTo(400);
        assertThat(admin.get(CAMPAIGNS + "/" + UUID.randomUUID() + "/history").status()).isEqualTo(404);
    }

    @Test
    void the_state_at_each_version_and_at_each_event_s_instant_is_the_campaign_as_it_stood_then() {
        String id = lifecycle("Past canvass");
        JsonNode history = admin.get(CAMPAIGNS + "/" + id + "/history").body();
        for (int v = 0; v < LIFECYCLE.size(); v++) {
            Reply atVersion = admin.get(CAMPAIGNS + "/" + id + "/state?version=" + v);
            assertThat(atVersion.status()).isEqualTo(200);
            assertThat(atVersion.text("status")).as("version %d", v).isEqualTo(STATUSES.get(v));
            assertThat(atVersion.body().path("version").asLong()).isEqualTo(v);
            String at = history.get(v).path("occurredAt").asText();
            Reply asOf = admin.get(CAMPAIGNS + "/" + id + "/state?asOf=" + at);
            assertThat(asOf.text("status")).as("as of event %d", v).isIn(STATUSES.get(v),
                    v + 1 < STATUSES.size() ? STATUSES.get(v + 1) : STATUSES.get(v));
        }
        JsonNode draft = admin.get(CAMPAIGNS + "/" + id + "/state?version=0").body();
        assertThat(draft.path("settings").path("name").asText()).isEqualTo("Past canvass");
        assertThat(draft.path("allowedActions").toString()).contains("launch").doesNotContain("resume");
        JsonNode renamed = admin.get(CAMPAIGNS + "/" + id + "/state?version=1").body();
        assertThat(renamed.path("settings").path("name").asText()).isEqualTo("Past canvass, renamed");
        JsonNode paused = admin.get(CAMPAIGNS + "/" + id + "/state?version=4").body();
        assertThat(paused.path("allowedActions").toString()).contains("resume").doesNotContain("\"pause\"");
        assertThat(paused.path("phoneNumbers").size()).isPositive();
        JsonNode archived = admin.get(CAMPAIGNS + "/" + id + "/state?asOf=" + Instant.now()).body();
        assertThat(archived.path("status").asText()).isEqualTo("ARCHIVED");

        String before = Instant.parse(history.get(0).path("occurredAt").asText()).minusSeconds(1).toString();
        assertThat(admin.get(CAMPAIGNS + "/" + id + "/state?asOf=" + before).status()).isEqualTo(404);
        assertThat(admin.get(CAMPAIGNS + "/" + id + "/state?version=8").status()).isEqualTo(404);
        assertThat(admin.get(CAMPAIGNS + "/" + id + "/state").status()).isEqualTo(400);
        assertThat(admin.get(CAMPAIGNS + "/" + id + "/state?version=1&asOf=" + Instant.now()).status()).isEqualTo(400);
        assertThat(admin.get(CAMPAIGNS + "/" + id + "/state?version=-1").status()).isEqualTo(400);
        assertThat(admin.get(CAMPAIGNS + "/" + UUID.randomUUID() + "/state?version=0").status()).isEqualTo(404);
    }

    @Test
    void an_export_holds_the_history_then_the_activity_and_is_itself_recorded_with_its_actor() {
        String id = active("Export canvass");
        Reply sent = admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records", List.of(
                record("e1", "MESSAGE_SENT"), record("e2", "MESSAGE_DELIVERED"))));
        assertThat(sent.body().path("accepted").asInt()).isEqualTo(2);
        EngineClient auditor = account("auditor-" + id.substring(0, 8), "AUDITOR");
        awaitTrail("?type=ActivityRecorded&size=500", id);

        Reply jsonl = auditor.get(CAMPAIGNS + "/" + id + "/export?format=jsonl");
        assertThat(jsonl.status()).isEqualTo(200);
        assertThat(jsonl.header("Content-Type")).startsWith("application/x-ndjson");
        List<JsonNode> lines = new ArrayList<>();
        for (String line : jsonl.body().asText().split("\n")) {
            lines.add(read(line));
        }
        assertThat(lines).extracting(l -> l.path("kind").asText()).containsExactly("event", "event", "event", "activity",
                "activity");
        assertThat(lines).extracting(l -> l.path("type").asText()).startsWith("Created", "LaunchRequested", "Launched");
        assertThat(lines.get(3).path("record").path("recordId").asText()).isEqualTo("e1");
        assertThat(lines.get(4).path("record").path("type").asText()).isEqualTo("MESSAGE_DELIVERED");
        assertThat(lines.get(3).path("actor").asText()).isEqualTo("admin");

        Reply csv = auditor.get(CAMPAIGNS + "/" + id + "/export?format=csv");
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        String[] rows = csv.body().asText().split("\r\n");
        assertThat(rows[0]).isEqualTo("kind,sequence,type,occurredAt,recordedAt,actor,requestId,recordId,erased,data");
        assertThat(rows).hasSize(6);
        assertThat(rows[1]).startsWith("event,0,Created,");
        assertThat(rows[4]).startsWith("activity,,MESSAGE_SENT,").contains(",e1,false,");

        JsonNode exports = awaitTrail("?type=CampaignExported&actor=auditor-" + id.substring(0, 8), id, 2);
        assertThat(exports.path("items").get(0).path("campaignId").asText()).isEqualTo(id);
        assertThat(admin.get(CAMPAIGNS + "/" + id + "/export?format=xml").status()).isEqualTo(400);
        assertThat(admin.get(CAMPAIGNS + "/" + UUID.randomUUID() + "/export").status()).isEqualTo(404);
    }

    @Test
    void the_trail_answers_who_archived_what_across_campaigns() {
        String one = lifecycle("Trail canvass one");
        String two = lifecycle("Trail canvass two");
        JsonNode archived = awaitTrail("?type=Archived&actor=admin&size=500", two);
        List<String> campaigns = new ArrayList<>();
        archived.path("items").forEach(item -> campaigns.add(item.path("campaignId").asText()));
        assertThat(campaigns.indexOf(two)).as("newest first").isLessThan(campaigns.indexOf(one)).isNotNegative();
        JsonNode item = archived.path("items").get(campaigns.indexOf(two));
        assertThat(item.path("actor").asText()).isEqualTo("admin");
        assertThat(item.path("sequence").asLong()).isEqualTo(7);
        assertThat(admin.get("/api/v1/audit/events?from=" + Instant.now().plusSeconds(60)).body().path("items").size())
                .isZero();
        assertThat(admin.get("/api/v1/audit/events?size=501").status()).isEqualTo(400);
    }

    @Test
    void a_replay_of_the_audit_trail_rebuilds_the_same_trail() {
        String id = lifecycle("Replayed trail canvass");
        // archiving releases the campaign's numbers a moment later, by the same request: the last event to await
        String archive = admin.get(CAMPAIGNS + "/" + id + "/history?type=Archived").body().get(0).path("requestId").asText();
        JsonNode[] before = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            before[0] = admin.get("/api/v1/audit/events?size=500").body();
            return before[0].path("items").findValuesAsText("requestId").stream().filter(archive::equals).count() == 2
                    && before[0].path("items").size() == admin.get("/api/v1/audit/verify").body().path("events").asLong();
        });
        assertThat(admin.post("/api/v1/admin/projections/audit-trail/replay").status()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(admin.get("/api/v1/admin/projections/audit-trail/replay").body().path("replaying").asBoolean())
                    .isFalse();
            assertThat(admin.get("/api/v1/audit/events?size=500").body()).isEqualTo(before[0]);
        });
    }

    @Test
    void auditors_read_history_in_every_office_and_a_viewer_or_manager_reads_none_of_it() {
        String id = lifecycle("Guarded canvass");
        String suffix = id.substring(0, 8);
        EngineClient auditor = account("aud-" + suffix, "AUDITOR");
        EngineClient viewer = account("view-" + suffix, "VIEWER");
        EngineClient manager = account("man-" + suffix, "MANAGER");
        assertThat(auditor.get(CAMPAIGNS + "/" + id + "/history").status()).isEqualTo(200);
        assertThat(auditor.get(CAMPAIGNS + "/" + id + "/state?version=0").status()).isEqualTo(200);
        assertThat(auditor.get("/api/v1/audit/events").status()).isEqualTo(200);
        assertThat(auditor.post(CAMPAIGNS + "/" + id + "/clone", Map.of()).status()).isEqualTo(403);
        for (EngineClient refused : List.of(viewer, manager)) {
            assertThat(refused.get(CAMPAIGNS + "/" + id + "/history").status()).isEqualTo(403);
            assertThat(refused.get(CAMPAIGNS + "/" + id + "/state?version=0").status()).isEqualTo(403);
            assertThat(refused.get(CAMPAIGNS + "/" + id + "/export").status()).isEqualTo(403);
            assertThat(refused.get("/api/v1/audit/events").status()).isEqualTo(403);
        }
    }

    /** Created, renamed, launched, paused, resumed, stopped and archived, each through the API. */
    private String lifecycle(String name) {
        Reply created = admin.send("POST", CAMPAIGNS, readySms(name), Map.of("X-Request-Id", requestId(name)));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        assertThat(admin.patch(CAMPAIGNS + "/" + id, Map.of("name", name + ", renamed")).status()).isEqualTo(200);
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/launch").status()).isEqualTo(202);
        admin.awaitStatus(id, "ACTIVE");
        for (String action : List.of("pause", "resume", "stop", "archive")) {
            Reply done = admin.post(CAMPAIGNS + "/" + id + "/" + action);
            assertThat(done.status()).as(action + ": " + done.body()).isEqualTo(200);
        }
        return id;
    }

    private static String requestId(String name) {
        return "create-" + name.replace(' ', '-');
    }

    String active(String name) {
        return admin.activeSms(name);
    }

    private JsonNode awaitTrail(String query, String campaignId) {
        return awaitTrail(query, campaignId, 1);
    }

    private JsonNode awaitTrail(String query, String campaignId, int atLeast) {
        JsonNode[] last = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = admin.get("/api/v1/audit/events" + query).body();
            return count(last[0], campaignId) >= atLeast;
        });
        return last[0];
    }

    static int count(JsonNode page, String campaignId) {
        int n = 0;
        for (JsonNode item : page.path("items")) {
            if (campaignId.equals(item.path("campaignId").asText())) {
                n++;
            }
        }
        return n;
    }

    private EngineClient account(String username, String role) {
        Reply made = admin.post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "roles", List.of(role),
                "offices", Set.of("MANAGER", "VIEWER").contains(role) ? List.of("north") : List.of()));
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        return new EngineClient(port, username, PASSWORD);
    }

    private static List<String> types(JsonNode events) {
        List<String> types = new ArrayList<>();
        events.forEach(e -> types.add(e.path("type").asText()));
        return types;
    }

    private static JsonNode read(String line) {
        try {
            return EngineClient.JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }
}
