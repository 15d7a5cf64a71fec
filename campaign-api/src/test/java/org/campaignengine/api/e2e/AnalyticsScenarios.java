package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.readySms;
import static org.campaignengine.api.e2e.Campaigns.readyVoice;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.awaitility.Awaitility;
import org.campaignengine.api.CampaignEngineApplication;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A campaign's analytics over HTTP: activity posted after its launch shows in {@code /analytics} and
 * {@code /analytics/activity}, an open range ends at the engine clock's now, and a campaign of another
 * office, deleted or unknown is 404 while bad input is 400.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = {CampaignEngineApplication.class, MovableClock.Config.class},
        properties = "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD)
abstract class AnalyticsScenarios {

    private static final String CAMPAIGNS = "/api/v1/campaigns/";
    private static final String PASSWORD = "analytics viewer secret";

    @LocalServerPort
    int port;

    @Autowired
    MovableClock clock;

    private EngineClient admin;

    @BeforeEach
    void connect() {
        admin = new EngineClient(port, "admin", EngineScenarios.PASSWORD);
    }

    @AfterEach
    void realTime() {
        clock.reset();
    }

    @Test
    void activity_posted_after_the_launch_shows_in_the_figures_and_over_time() {
        Reply active = launched("Analytics canvass");
        String id = active.text("id");
        Instant launchedAt = Instant.parse(active.text("launchedAt"));
        List<Map<String, Object>> records = List.of(
                record("sent-1", "MESSAGE_SENT", launchedAt.plusMillis(100), "c1", "m1"),
                record("sent-2", "MESSAGE_SENT", launchedAt.plusMillis(100), "c2", "m2"),
                record("delivered-1", "MESSAGE_DELIVERED", launchedAt.plusMillis(200), null, "m1"),
                record("retrying-2", "MESSAGE_RETRYING", launchedAt.plusMillis(200), null, "m2"),
                record("reply-1", "REPLY_RECEIVED", launchedAt.plusMillis(300), "c1", null),
                record("agent-1", "AGENT_REPLIED", launchedAt.plusMillis(1_300), "c1", null),
                record("opt-out-2", "OPTED_OUT", launchedAt.plusMillis(400), "c2", null),
                record("click-1", "LINK_CLICKED", launchedAt.plusMillis(500), "c1", null),
                cost("cost-1", launchedAt.plusMillis(500), 2_500));
        // every record is in the past when posted, so each falls in the range that ends at now
        Instant last = launchedAt.plusMillis(1_300);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(last));
        Reply posted = admin.post(CAMPAIGNS + id + "/activity", Map.of("records", records));
        assertThat(posted.body().path("accepted").asInt()).as(posted.body().toString()).isEqualTo(records.size());

        Reply analytics = awaitAnalytics(id, body -> body.path("sendStatus").path("total").asInt() == 2);
        assertThat(analytics.body()).isEqualTo(json("""
                {"sendStatus": {"total": 2, "succeeded": 1, "failed": 0, "pending": 1},
                 "engagement": {"messaged": 2, "responded": 1, "optedOut": 1, "rate": 0.5},
                 "responses": {"contact": 1, "agent": 1, "bot": 0, "medianAgentResponseSeconds": 1.0},
                 "costMicros": 2500, "clickThroughRate": 1.0, "recipients": {"sent": 2, "total": 250},
                 "voice": null}"""));

        Reply hourly = admin.get(CAMPAIGNS + id + "/analytics/activity");
        assertThat(hourly.status()).isEqualTo(200);
        assertThat(hourly.text("granularity")).isEqualTo("hour");
        assertThat(total(hourly, "inbound")).isEqualTo(2);
        assertThat(total(hourly, "outbound")).isEqualTo(3);
        assertThat(hourly.body().path("buckets").get(0).path("start").asText())
                .isEqualTo(launchedAt.atZone(ZoneOffset.UTC).withMinute(0).withSecond(0).withNano(0).toInstant()
                        .toString());
    }

    /** Read-your-writes for activity: the intake's activityVersion, named on a read, waits for its batch. */
    @Test
    void a_read_naming_the_intakes_activity_version_sees_that_batch_without_polling() {
        Reply active = launched("Read your activity");
        String id = active.text("id");
        Instant at = Instant.parse(active.text("launchedAt")).plusMillis(100);
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> Instant.now().isAfter(at));

        Reply first = admin.post(CAMPAIGNS + id + "/activity", Map.of("records", List.of(
                record("sent-1", "MESSAGE_SENT", at, "c1", "m1"), record("sent-2", "MESSAGE_SENT", at, "c2", "m2"))));
        assertThat(first.body().path("activityVersion").asLong()).as(first.body().toString()).isEqualTo(2);
        Reply figures = admin.get(CAMPAIGNS + id + "/analytics?activityVersion=2");
        assertThat(figures.status()).isEqualTo(200);
        assertThat(figures.body().path("sendStatus").path("total").asInt()).isEqualTo(2);

        Reply second = admin.post(CAMPAIGNS + id + "/activity", Map.of("records", List.of(
                record("sent-2", "MESSAGE_SENT", at, "c2", "m2"), record("sent-3", "MESSAGE_SENT", at, "c3", "m3"))));
        assertThat(second.body().path("accepted").asInt()).isEqualTo(1);
        assertThat(second.body().path("duplicates").asInt()).isEqualTo(1);
        assertThat(second.body().path("activityVersion").asLong()).isEqualTo(3);
        Reply series = admin.get(CAMPAIGNS + id + "/analytics/activity?activityVersion=3&minVersion="
                + active.version());
        assertThat(series.status()).isEqualTo(200);
        assertThat(total(series, "outbound")).isEqualTo(3);

        Reply resent = admin.post(CAMPAIGNS + id + "/activity", Map.of("records", List.of(
                record("sent-3", "MESSAGE_SENT", at, "c3", "m3"))));
        assertThat(resent.body().path("duplicates").asInt()).isEqualTo(1);
        assertThat(resent.body().path("activityVersion").asLong()).as("nothing new kept").isEqualTo(3);
    }

    @Test
    void voice_figures_are_shown_for_a_voice_campaign_and_null_for_an_sms_one() {
        Reply voice = admin.post("/api/v1/campaigns", readyVoice("Voice figures"));
        Reply sms = admin.post("/api/v1/campaigns", readySms("No voice figures"));
        Reply voiceFigures = admin.get(CAMPAIGNS + voice.text("id") + "/analytics?minVersion=" + voice.version());
        Reply smsFigures = admin.get(CAMPAIGNS + sms.text("id") + "/analytics?minVersion=" + sms.version());

        long listSize = voiceFigures.body().path("recipients").path("total").asLong();
        assertThat(listSize).isPositive();
        assertThat(voiceFigures.body().path("voice")).isEqualTo(json(
                "{\"dials\": 0, \"remaining\": " + listSize + ", \"callersLoggedIn\": 0}"));
        assertThat(smsFigures.body().has("voice")).as("the field is always there").isTrue();
        assertThat(smsFigures.body().path("voice").isNull()).as(smsFigures.body().toString()).isTrue();
    }

    @Test
    void an_open_range_ends_at_the_engine_clocks_now_and_too_fine_a_granularity_is_refused() {
        Reply active = launched("Long canvass");
        String id = active.text("id");
        Reply now = admin.get(CAMPAIGNS + id + "/analytics/activity?minVersion=" + active.version());
        assertThat(now.text("granularity")).isEqualTo("hour");

        clock.advance(Duration.ofDays(2));
        Reply twoDaysOn = admin.get(CAMPAIGNS + id + "/analytics/activity");
        assertThat(twoDaysOn.text("granularity")).isEqualTo("day");
        assertThat(twoDaysOn.body().path("buckets")).hasSize(3);

        clock.advance(Duration.ofHours(10_001).minus(Duration.ofDays(2)));
        assertThat(admin.get(CAMPAIGNS + id + "/analytics/activity").text("granularity")).isEqualTo("month");
        Reply tooFine = admin.get(CAMPAIGNS + id + "/analytics/activity?granularity=hour");
        assertThat(tooFine.status()).isEqualTo(400);
        assertThat(tooFine.header("Content-Type")).startsWith("application/problem+json");
        assertThat(tooFine.body().path("errors").get(0).path("field").asText()).isEqualTo("granularity");
    }

    @Test
    void a_campaign_of_another_office_deleted_or_unknown_is_not_found_and_a_viewer_of_its_office_reads_it() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        EngineClient north = account("viewer-north-" + suffix, "north");
        EngineClient south = account("viewer-south-" + suffix, "south");
        Reply created = admin.post("/api/v1/campaigns", readySms("North only"));
        String id = created.text("id");
        assertThat(admin.get(CAMPAIGNS + id + "/analytics?minVersion=0").status()).isEqualTo(200);

        for (String path : List.of("/analytics", "/analytics/activity", "/analytics/activity?granularity=day")) {
            assertThat(north.get(CAMPAIGNS + id + path).status()).as(path).isEqualTo(200);
            Reply hidden = south.get(CAMPAIGNS + id + path);
            Reply unknown = south.get(CAMPAIGNS + UUID.randomUUID() + path);
            assertThat(hidden.status()).as(path).isEqualTo(404);
            assertThat(hidden.body().path("type")).isEqualTo(unknown.body().path("type"));
            assertThat(hidden.body().path("detail")).isEqualTo(unknown.body().path("detail"));
        }
        assertThat(north.get(CAMPAIGNS + id + "/analytics/activity").body()).isEqualTo(json("""
                {"granularity": "hour", "buckets": []}"""));

        assertThat(admin.delete(CAMPAIGNS + id).status()).isEqualTo(204);
        assertThat(admin.get(CAMPAIGNS + id + "/analytics?minVersion=1").status()).isEqualTo(404);
        assertThat(admin.get(CAMPAIGNS + id + "/analytics/activity?minVersion=1").status()).isEqualTo(404);
    }

    @Test
    void a_granularity_or_version_of_the_wrong_form_is_bad_input() {
        String id = admin.post("/api/v1/campaigns", readySms("Bad input")).text("id");
        for (String query : List.of("granularity=week", "granularity=HOUR", "granularity=days", "minVersion=soon")) {
            Reply refused = admin.get(CAMPAIGNS + id + "/analytics/activity?" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.header("Content-Type")).as(query).startsWith("application/problem+json");
            assertThat(refused.body().path("errors")).as(query).hasSize(1);
        }
        assertThat(admin.get(CAMPAIGNS + id + "/analytics?minVersion=soon").status()).isEqualTo(400);
        assertThat(admin.get(CAMPAIGNS + UUID.randomUUID() + "/analytics/activity?granularity=week").status())
                .isEqualTo(400);
    }

    private Reply launched(String name) {
        Map<String, Object> body = readySms(name);
        @SuppressWarnings("unchecked")
        Map<String, Object> settings = (Map<String, Object>) body.get("settings");
        settings.put("timeZone", zoneWhereItIsNoon());
        Reply created = admin.post("/api/v1/campaigns", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(admin.post(CAMPAIGNS + created.text("id") + "/launch").status()).isEqualTo(202);
        return admin.awaitStatus(created.text("id"), "ACTIVE");
    }

    /** A fixed-offset zone in which it is about noon, so records timed now are inside the open hours. */
    private static String zoneWhereItIsNoon() {
        int hour = Instant.now().atZone(ZoneOffset.UTC).getHour();
        return ZoneOffset.ofHours(12 - hour).getId();
    }

    private Reply awaitAnalytics(String id, Predicate<JsonNode> condition) {
        Reply[] last = new Reply[1];
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = admin.get(CAMPAIGNS + id + "/analytics");
            return last[0].status() == 200 && condition.test(last[0].body());
        });
        return last[0];
    }

    private EngineClient account(String username, String office) {
        Reply made = admin.post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "roles", List.of("VIEWER"), "offices", List.of(office)));
        assertThat(made.status()).as(made.body().toString()).isEqualTo(201);
        return new EngineClient(port, username, PASSWORD);
    }

    private static Map<String, Object> record(String recordId, String type, Instant at, String contactId,
                                              String messageId) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("recordId", recordId);
        record.put("type", type);
        record.put("at", at.toString());
        if (contactId != null) {
            record.put("contactId", contactId);
        }
        if (messageId != null) {
            record.put("messageId", messageId);
        }
        return record;
    }

    private static Map<String, Object> cost(String recordId, Instant at, long micros) {
        Map<String, Object> record = record(recordId, "COST_INCURRED", at, null, null);
        record.put("costMicros", micros);
        return record;
    }

    private static long total(Reply series, String field) {
        List<Long> counts = new ArrayList<>();
        series.body().path("buckets").forEach(bucket -> counts.add(bucket.path(field).asLong()));
        return counts.stream().mapToLong(Long::longValue).sum();
    }

    private static JsonNode json(String text) {
        try {
            return EngineClient.JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }
}
