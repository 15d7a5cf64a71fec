package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.awaitility.Awaitility;
import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.Snapshotter;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.campaignengine.domain.campaign.Campaign;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The engine end to end over HTTP, as its clients use it. Subclasses choose the store (H2, PostgreSQL);
 * every scenario runs on each. Timers run for real, with the short durations set in {@link #PROPERTIES}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD,
        "campaign.schedule.min-lead-time=PT2S",
        "campaign.schedule.lock-window=PT1S",
        "campaign.schedule.late-launch-grace=PT2M",
        "campaign.content.denied-terms=forbiddenword",
        "campaign.activity.max-batch=100"})
abstract class EngineScenarios {

    static final String PASSWORD = "e2e-admin-secret";
    static final String CAMPAIGNS = "/api/v1/campaigns";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Cache campaignCache;

    @Autowired
    Snapshotter snapshotter;

    EngineClient admin;

    @BeforeEach
    void connect() {
        admin = new EngineClient(port, "admin", PASSWORD);
    }

    @Test
    void sms_campaign_lives_from_draft_through_every_running_status_to_archive() {
        String id = created(admin.post(CAMPAIGNS, create("Saturday canvass", "SMS", Map.of())));
        Reply draft = admin.campaign(id, 0);
        assertThat(draft.text("status")).isEqualTo("DRAFT");
        assertThat(draft.body().path("launchable").asBoolean()).isFalse();
        assertThat(names(draft.body().path("missing"))).contains("contactList", "initialMessage", "startAt");

        Reply edited = admin.patch(CAMPAIGNS + "/" + id, readySettings("SMS", List.of("212", "415")));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(admin.campaign(id, edited.version()).body().path("launchable").asBoolean()).isTrue();

        Reply launch = admin.post(CAMPAIGNS + "/" + id + "/launch");
        assertThat(launch.status()).isEqualTo(202);
        assertThat(launch.text("status")).isEqualTo("LAUNCHING");
        Reply active = admin.awaitStatus(id, "ACTIVE");
        assertThat(active.body().path("phoneNumbers")).hasSize(2);
        assertThat(active.text("launchedAt")).isNotNull();
        assertThat(active.text("autoArchiveAt")).as("shown only while the auto-archive warning is on").isNull();
        assertThat(names(active.body().path("allowedActions")))
                .containsExactly("update", "pause", "suspend", "stop", "complete", "archive", "clone", "tag");

        Reply sent = admin.post(CAMPAIGNS + "/" + id + "/activity",
                Map.of("records", List.of(record("r1", "MESSAGE_SENT"), record("r2", "REPLY_RECEIVED"))));
        assertThat(sent.status()).isEqualTo(200);
        assertThat(sent.body().path("accepted").asInt()).isEqualTo(2);

        assertThat(step(id, "pause").text("status")).isEqualTo("PAUSED");
        Reply newMessage = admin.patch(CAMPAIGNS + "/" + id, Map.of("initialMessage", "Updated while paused"));
        assertThat(newMessage.status()).isEqualTo(200);
        assertThat(step(id, "resume").text("status")).isEqualTo("ACTIVE");
        Reply suspend = admin.post(CAMPAIGNS + "/" + id + "/suspend", Map.of("reason", "every link domain hit its limit"));
        assertThat(suspend.text("status")).isEqualTo("SUSPENDED");
        Reply suspended = admin.campaign(id, suspend.version());
        assertThat(suspended.text("suspendedReason")).isEqualTo("every link domain hit its limit");
        assertThat(step(id, "resume").text("status")).isEqualTo("ACTIVE");
        assertThat(step(id, "stop").text("status")).isEqualTo("STOPPED");
        assertThat(step(id, "restart").text("status")).isEqualTo("ACTIVE");
        assertThat(step(id, "complete").text("status")).isEqualTo("COMPLETED");

        Reply archived = step(id, "archive");
        assertThat(archived.text("status")).isEqualTo("ARCHIVED");
        Reply shown = admin.campaign(id, archived.version());
        assertThat(shown.text("archiveReason")).isEqualTo("MANUAL");
        assertThat(shown.body().path("phoneNumbers")).as("single-use numbers are released").isEmpty();
        assertThat(names(shown.body().path("allowedActions"))).containsExactly("clone", "tag");

        Reply clone = admin.post(CAMPAIGNS + "/" + id + "/clone", Map.of());
        assertThat(clone.status()).isEqualTo(201);
        assertThat(clone.text("clonedFrom")).isEqualTo(id);
        assertThat(clone.header("Location")).endsWith(clone.text("id"));
        Reply copy = admin.campaign(clone.text("id"), clone.version());
        assertThat(copy.text("status")).isEqualTo("DRAFT");
        assertThat(copy.text("name")).isEqualTo("Copy of Saturday canvass");
        assertThat(copy.body().path("settings").path("initialMessage").asText()).isEqualTo("Updated while paused");
        assertThat(copy.body().path("phoneNumbers")).isEmpty();
    }

    @Test
    void answers_go_out_whole_with_their_length_not_in_chunks() {
        Reply created = admin.post(CAMPAIGNS, create("Whole answers", "SMS", Map.of()));
        String id = created(created);
        Reply read = admin.campaign(id, 0);
        Reply refused = admin.post(CAMPAIGNS + "/" + id + "/pause");

        for (Reply reply : List.of(created, read, refused)) {
            assertThat(reply.header("Transfer-Encoding")).isNull();
            assertThat(Integer.parseInt(reply.header("Content-Length"))).isPositive();
        }
        assertThat(refused.status()).isEqualTo(409);
    }

    @Test
    void voice_campaign_can_error_but_not_restart() {
        String id = created(admin.post(CAMPAIGNS, readyVoice("Phone bank")));
        admin.post(CAMPAIGNS + "/" + id + "/launch");
        admin.awaitStatus(id, "ACTIVE");

        Reply errored = admin.post(CAMPAIGNS + "/" + id + "/error",
                Map.of("code", "DIALER_DOWN", "message", "the dialer lost its trunk"));
        assertThat(errored.status()).isEqualTo(200);
        Reply shown = admin.campaign(id, errored.version());
        assertThat(shown.text("status")).isEqualTo("ERRORED");
        assertThat(shown.body().path("error").path("code").asText()).isEqualTo("DIALER_DOWN");
        assertThat(shown.text("statusReason")).isEqualTo("the dialer lost its trunk");

        Reply restart = admin.post(CAMPAIGNS + "/" + id + "/restart");
        assertThat(restart.status()).isEqualTo(409);
        assertThat(restart.text("currentStatus")).isEqualTo("ERRORED");
        assertThat(names(restart.body().path("allowedActions"))).containsExactly("archive", "clone", "tag");

        String stopped = created(admin.post(CAMPAIGNS, readyVoice("Second phone bank")));
        admin.post(CAMPAIGNS + "/" + stopped + "/launch");
        admin.awaitStatus(stopped, "ACTIVE");
        step(stopped, "stop");
        Reply voiceRestart = admin.post(CAMPAIGNS + "/" + stopped + "/restart");
        assertThat(voiceRestart.status()).as("a stopped VOICE campaign cannot restart").isEqualTo(409);
        assertThat(voiceRestart.text("currentStatus")).isEqualTo("STOPPED");
        assertThat(step(stopped, "archive").text("status")).isEqualTo("ARCHIVED");
    }

    @Test
    void sms_campaign_cannot_be_marked_errored() {
        String id = created(admin.post(CAMPAIGNS, readySms("Texting")));
        admin.post(CAMPAIGNS + "/" + id + "/launch");
        admin.awaitStatus(id, "ACTIVE");
        Reply error = admin.post(CAMPAIGNS + "/" + id + "/error", Map.of("code", "X", "message", "y"));
        assertThat(error.status()).isEqualTo(409);
        assertThat(error.text("currentStatus")).isEqualTo("ACTIVE");
    }

    @Test
    void archiving_a_running_campaign_stops_it_first() {
        String id = created(admin.post(CAMPAIGNS, readySms("Running")));
        admin.post(CAMPAIGNS + "/" + id + "/launch");
        admin.awaitStatus(id, "ACTIVE");
        Reply archived = step(id, "archive");
        assertThat(archived.text("status")).isEqualTo("ARCHIVED");
        assertThat(eventTypes(id)).endsWith("Stopped", "Archived");
    }

    @Test
    void scheduled_campaign_launches_itself_at_its_time() {
        String id = created(admin.post(CAMPAIGNS, readySms("Launches itself")));
        Instant launchAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        Reply scheduled = admin.post(CAMPAIGNS + "/" + id + "/schedule", Map.of("launchAt", launchAt.toString()));
        assertThat(scheduled.status()).isEqualTo(200);
        assertThat(scheduled.text("status")).isEqualTo("SCHEDULED");
        assertThat(admin.campaign(id, scheduled.version()).text("launchAt")).isEqualTo(launchAt.toString());

        Reply active = admin.awaitCampaign(id, Duration.ofSeconds(30), r -> "ACTIVE".equals(r.text("status")));
        assertThat(Instant.parse(active.text("launchedAt"))).isAfterOrEqualTo(launchAt);
        assertThat(eventTypes(id)).containsOnlyOnce("LaunchRequested", "Launched");
        assertThat(actors(id, "LaunchRequested")).containsExactly("system");
    }

    @Test
    void schedule_sooner_than_the_minimum_lead_time_is_refused() {
        String id = created(admin.post(CAMPAIGNS, readySms("Too soon")));
        Reply refused = admin.post(CAMPAIGNS + "/" + id + "/schedule",
                Map.of("launchAt", Instant.now().plusMillis(500).toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("launchAt");
        assertThat(admin.campaign(id, 0).text("status")).isEqualTo("DRAFT");
    }

    @Test
    void phone_number_limit_of_a_use_case_holds_across_two_campaigns() {
        String useCase = "use-case-" + System.nanoTime();
        String first = created(admin.post(CAMPAIGNS, withUseCase("Thirty numbers", areaCodes(300, 30), useCase)));
        String second = created(admin.post(CAMPAIGNS, withUseCase("Twenty numbers", areaCodes(400, 20), useCase)));

        admin.post(CAMPAIGNS + "/" + first + "/launch");
        assertThat(admin.awaitStatus(first, "ACTIVE").body().path("phoneNumbers")).hasSize(30);

        admin.post(CAMPAIGNS + "/" + second + "/launch");
        Reply failed = admin.awaitCampaign(second, Duration.ofSeconds(20),
                r -> "DRAFT".equals(r.text("status")) && r.text("statusReason") != null);
        assertThat(failed.text("statusReason")).contains("49");
        assertThat(failed.body().path("phoneNumbers")).isEmpty();

        step(first, "archive");
        Reply launched = launchUntilActive(second, Duration.ofSeconds(20));
        assertThat(launched.body().path("phoneNumbers"))
                .as("archiving the first campaign released its numbers").hasSize(20);
        step(second, "archive");
    }

    @Test
    void concurrent_launches_never_hold_more_than_the_use_case_limit() {
        String useCase = "use-case-" + System.nanoTime();
        String first = created(admin.post(CAMPAIGNS, withUseCase("Race A", areaCodes(500, 25), useCase)));
        String second = created(admin.post(CAMPAIGNS, withUseCase("Race B", areaCodes(600, 25), useCase)));

        CompletableFuture<Reply> a = CompletableFuture.supplyAsync(() -> admin.post(CAMPAIGNS + "/" + first + "/launch"));
        CompletableFuture<Reply> b = CompletableFuture.supplyAsync(() -> admin.post(CAMPAIGNS + "/" + second + "/launch"));
        assertThat(a.join().status()).isEqualTo(202);
        assertThat(b.join().status()).isEqualTo(202);

        List<String> outcomes = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        int held = 0;
        long launchVersion = a.join().version();
        for (String id : List.of(first, second)) {
            Reply settled = admin.awaitCampaign(id, Duration.ofSeconds(30), r -> r.version() > launchVersion);
            outcomes.add(settled.text("status"));
            reasons.add(settled.text("statusReason"));
            held += settled.body().path("phoneNumbers").size();
        }
        assertThat(outcomes).as("reasons: %s", reasons).containsExactlyInAnyOrder("ACTIVE", "DRAFT");
        assertThat(held).isEqualTo(25);
        step(first, "archive");
        step(second, "archive");
    }

    @Test
    void launch_in_an_unavailable_area_code_fails_back_to_draft_with_its_reason() {
        String id = created(admin.post(CAMPAIGNS, create("Unlucky", "SMS", readySettings("SMS", List.of("212", "999")))));
        admin.post(CAMPAIGNS + "/" + id + "/launch");
        Reply failed = admin.awaitCampaign(id, Duration.ofSeconds(20),
                r -> "DRAFT".equals(r.text("status")) && r.text("statusReason") != null);
        assertThat(failed.text("statusReason")).contains("999");
        assertThat(failed.body().path("phoneNumbers")).isEmpty();
        assertThat(eventTypes(id)).endsWith("LaunchRequested", "LaunchFailed");

        Reply fixed = admin.patch(CAMPAIGNS + "/" + id, Map.of("areaCodes", List.of("212")));
        assertThat(fixed.status()).isEqualTo(200);
        admin.post(CAMPAIGNS + "/" + id + "/launch");
        assertThat(admin.awaitStatus(id, "ACTIVE").text("statusReason")).isNull();
    }

    @Test
    void content_check_rejects_a_denied_term_and_editing_returns_the_campaign_to_draft() {
        Map<String, Object> settings = readySettings("SMS", List.of("212"));
        settings.put("initialMessage", "Reply now for a ForbiddenWord offer");
        String id = created(admin.post(CAMPAIGNS, create("Spammy", "SMS", settings)));
        admin.post(CAMPAIGNS + "/" + id + "/launch");
        Reply rejected = admin.awaitStatus(id, "REJECTED");
        assertThat(rejected.text("statusReason")).containsIgnoringCase("forbiddenword");

        Reply edited = admin.patch(CAMPAIGNS + "/" + id, Map.of("initialMessage", "A clean message"));
        assertThat(edited.text("status")).isEqualTo("DRAFT");
        admin.post(CAMPAIGNS + "/" + id + "/launch");
        admin.awaitStatus(id, "ACTIVE");
    }

    @Test
    void an_action_the_status_does_not_allow_answers_409_naming_status_and_allowed_actions() {
        String id = created(admin.post(CAMPAIGNS, readySms("Draft")));
        Reply pause = admin.post(CAMPAIGNS + "/" + id + "/pause");
        assertThat(pause.status()).isEqualTo(409);
        assertThat(pause.header("Content-Type")).startsWith("application/problem+json");
        assertThat(pause.text("currentStatus")).isEqualTo("DRAFT");
        assertThat(names(pause.body().path("allowedActions")))
                .containsExactly("update", "schedule", "launch", "archive", "clone", "delete", "tag");
        assertThat(admin.campaign(id, 0).version()).as("nothing changed").isZero();
    }

    @Test
    void editing_a_field_the_status_locks_answers_409_naming_the_field() {
        String id = created(admin.post(CAMPAIGNS, readySms("Locked start")));
        admin.post(CAMPAIGNS + "/" + id + "/launch");
        admin.awaitStatus(id, "ACTIVE");
        Reply refused = admin.patch(CAMPAIGNS + "/" + id, Map.of("startAt", Instant.now().toString()));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.text("field")).isEqualTo("startAt");
        Reply endMoved = admin.patch(CAMPAIGNS + "/" + id,
                Map.of("endAt", Instant.now().plus(25, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString()));
        assertThat(endMoved.status()).as("the end date stays editable while active").isEqualTo(200);
    }

    @Test
    void launch_of_a_campaign_that_is_not_ready_answers_422_with_what_is_missing() {
        String id = created(admin.post(CAMPAIGNS, create("Half done", "VOICE", Map.of())));
        Reply launch = admin.post(CAMPAIGNS + "/" + id + "/launch");
        assertThat(launch.status()).isEqualTo(422);
        assertThat(names(launch.body().path("missing"))).contains("contactList", "script", "startAt", "endAt");
        assertThat(admin.campaign(id, 0).text("status")).isEqualTo("DRAFT");
    }

    @Test
    void bad_input_answers_400_and_changes_nothing() {
        Reply noName = admin.post(CAMPAIGNS, Map.of("channel", "SMS"));
        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.body().path("errors").get(0).path("field").asText()).isEqualTo("name");
        assertThat(admin.post(CAMPAIGNS, Map.of("name", "x", "channel", "FAX")).status()).isEqualTo(400);
        assertThat(admin.post(CAMPAIGNS, "{not json").status()).isEqualTo(400);

        String id = created(admin.post(CAMPAIGNS, readySms("Valid")));
        Reply unknownField = admin.patch(CAMPAIGNS + "/" + id, Map.of("status", "ACTIVE"));
        assertThat(unknownField.status()).isEqualTo(400);
        Reply badDate = admin.patch(CAMPAIGNS + "/" + id, Map.of("endAt", "next tuesday"));
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.body().path("errors").get(0).path("field").asText()).isEqualTo("endAt");
        Reply badHours = admin.patch(CAMPAIGNS + "/" + id, Map.of("openHours", Map.of("from", "25:00", "to", "21:00")));
        assertThat(badHours.status()).isEqualTo(400);
        Reply badZone = admin.patch(CAMPAIGNS + "/" + id, Map.of("timeZone", "Mars/Olympus"));
        assertThat(badZone.status()).isEqualTo(400);
        assertThat(admin.get(CAMPAIGNS + "/not-a-uuid").status()).isEqualTo(400);
        assertThat(admin.campaign(id, 0).version()).as("nothing changed").isZero();
    }

    @Test
    void an_unknown_campaign_answers_404() {
        String unknown = "/" + java.util.UUID.randomUUID();
        assertThat(admin.get(CAMPAIGNS + unknown).status()).isEqualTo(404);
        assertThat(admin.post(CAMPAIGNS + unknown + "/pause").status()).isEqualTo(404);
    }

    @Test
    void a_draft_can_be_deleted_but_a_launched_campaign_cannot() {
        String draft = created(admin.post(CAMPAIGNS, readySms("Throwaway")));
        Reply deleted = admin.delete(CAMPAIGNS + "/" + draft);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(admin.get(CAMPAIGNS + "/" + draft + "?minVersion=1").status()).isEqualTo(404);

        String launched = created(admin.post(CAMPAIGNS, readySms("Keeper")));
        admin.post(CAMPAIGNS + "/" + launched + "/launch");
        admin.awaitStatus(launched, "ACTIVE");
        Reply refused = admin.delete(CAMPAIGNS + "/" + launched);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(names(refused.body().path("allowedActions"))).contains("archive").doesNotContain("delete");
    }

    @Test
    void activity_counts_each_record_once_and_refuses_what_the_status_forbids() {
        String id = created(admin.post(CAMPAIGNS, readySms("Busy")));
        Reply early = admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records", List.of(record("a", "MESSAGE_SENT"))));
        assertThat(early.body().path("rejected").get(0).path("reason").asText()).contains("DRAFT");

        admin.post(CAMPAIGNS + "/" + id + "/launch");
        admin.awaitStatus(id, "ACTIVE");
        Map<String, Object> batch = Map.of("records", List.of(record("a", "MESSAGE_SENT"), record("b", "MESSAGE_DELIVERED")));
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/activity", batch).body().path("accepted").asInt()).isEqualTo(2);
        Reply again = admin.post(CAMPAIGNS + "/" + id + "/activity", batch);
        assertThat(again.body().path("accepted").asInt()).isZero();
        assertThat(again.body().path("duplicates").asInt()).isEqualTo(2);

        step(id, "pause");
        Reply paused = admin.post(CAMPAIGNS + "/" + id + "/activity",
                Map.of("records", List.of(record("c", "MESSAGE_SENT"), record("d", "REPLY_RECEIVED"))));
        assertThat(paused.body().path("accepted").asInt()).as("inbound still counts while paused").isEqualTo(1);
        assertThat(paused.body().path("rejected").get(0).path("recordId").asText()).isEqualTo("c");

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(record("bulk-" + i, "REPLY_RECEIVED"));
        }
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records", tooMany)).status()).isEqualTo(413);
    }

    @Test
    void a_batch_over_the_limit_is_refused_413_before_its_records_are_checked() {
        String id = created(admin.post(CAMPAIGNS, readySms("Oversized and careless")));
        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            Map<String, Object> idless = record("bulk-" + i, "REPLY_RECEIVED");
            idless.remove("recordId");
            tooMany.add(idless);
        }
        Reply refused = admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records", tooMany));
        assertThat(refused.status()).as(refused.body().toString()).isEqualTo(413);
        assertThat(refused.text("type")).isEqualTo("urn:campaign-engine:problem:batch-too-large");
        assertThat(refused.body().path("maxRecords").asInt()).isEqualTo(100);
    }

    @Test
    void activity_with_a_record_lacking_its_id_or_naming_a_blank_contact_is_refused_whole_as_bad_input() {
        String id = created(admin.post(CAMPAIGNS, readySms("Careless sender")));
        admin.post(CAMPAIGNS + "/" + id + "/launch");
        admin.awaitStatus(id, "ACTIVE");
        Map<String, Object> noId = record("x", "REPLY_RECEIVED");
        noId.remove("recordId");
        Map<String, Object> blankContact = record("y", "REPLY_RECEIVED");
        blankContact.put("contactId", " ");
        Reply refused = admin.post(CAMPAIGNS + "/" + id + "/activity",
                Map.of("records", List.of(noId, blankContact, record("z", "REPLY_RECEIVED"))));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body().path("errors").findValuesAsText("field"))
                .containsExactly("records[0].recordId", "records[1].contactId");
        Reply valid = admin.post(CAMPAIGNS + "/" + id + "/activity",
                Map.of("records", List.of(record("z", "REPLY_RECEIVED"))));
        assertThat(valid.body().path("accepted").asInt()).as("nothing of the refused batch was kept").isEqualTo(1);
    }

    @Test
    void the_campaigns_snapshot_does_not_grow_with_its_activity() {
        String id = created(admin.post(CAMPAIGNS, readySms("Snapshotted")));
        admin.post(CAMPAIGNS + "/" + id + "/launch");
        admin.awaitStatus(id, "ACTIVE");
        snapshotter.scheduleSnapshot(Campaign.class, id);
        long first = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> latestSnapshotSequence(id), sequence -> sequence >= 0);
        long before = snapshotSize(id);
        for (int batch = 0; batch < 3; batch++) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                records.add(record("s-" + batch + "-" + i, i % 2 == 0 ? "MESSAGE_SENT" : "REPLY_RECEIVED"));
            }
            assertThat(admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records", records))
                    .body().path("accepted").asInt()).isEqualTo(100);
        }
        step(id, "pause");
        snapshotter.scheduleSnapshot(Campaign.class, id);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> latestSnapshotSequence(id), sequence -> sequence > first);
        long after = snapshotSize(id);
        assertThat(Math.abs(after - before)).as("300 records later the snapshot is %d bytes, was %d", after, before)
                .isLessThan(64);
    }

    @Test
    void a_campaign_paused_and_resumed_again_and_again_is_snapshotted_and_a_snapshot_of_another_revision_is_passed_over() {
        String id = created(admin.post(CAMPAIGNS, readySms("Often paused")));
        admin.post(CAMPAIGNS + "/" + id + "/launch");
        admin.awaitStatus(id, "ACTIVE");
        for (int i = 0; i < 12 && latestSnapshotSequence(id) < 0; i++) {
            step(id, "pause");
            step(id, "resume");
        }
        long taken = Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> latestSnapshotSequence(id), sequence -> sequence >= 0);
        assertThat(jdbc.queryForObject("SELECT payloadRevision FROM SnapshotEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?", String.class, id, taken)).isEqualTo("1");

        // as if written by an earlier version whose state read differently: it claims the campaign is paused
        byte[] payload = jdbc.queryForObject("SELECT payload FROM SnapshotEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?", byte[].class, id, taken);
        String lying = new String(payload, StandardCharsets.UTF_8).replace("\"ACTIVE\"", "\"PAUSED\"");
        assertThat(lying).contains("\"PAUSED\"");
        jdbc.update("UPDATE SnapshotEventEntry SET payload = ?, payloadRevision = '0' WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?", lying.getBytes(StandardCharsets.UTF_8), id, taken);
        // read from the store, as on a node that has not used it (or after a restart), not from memory
        campaignCache.remove(id);

        Reply paused = step(id, "pause");
        assertThat(admin.campaign(id, paused.version()).text("status")).isEqualTo("PAUSED");
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> latestSnapshotSequence(id), sequence -> sequence > taken);
        assertThat(jdbc.queryForObject("SELECT payloadRevision FROM SnapshotEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = ?", String.class, id, latestSnapshotSequence(id)))
                .as("rebuilt from its events and snapshotted afresh").isEqualTo("1");
    }

    @Test
    void a_campaign_kept_in_memory_is_snapshotted_in_the_command_that_takes_its_stream_past_each_tenth_event() {
        String id = created(admin.post(CAMPAIGNS, readySms("Snapshotted as it is")));
        admin.post(CAMPAIGNS + "/" + id + "/launch");
        admin.awaitStatus(id, "ACTIVE");
        long version = -1;
        for (int i = 0; i < 12; i++) {
            version = step(id, i % 2 == 0 ? "pause" : "resume").version();
            long passed = (version + 1) / 10 * 10 - 1;
            assertThat(latestSnapshotSequence(id)).as("once the command at version %d has answered", version)
                    .isEqualTo(passed >= 9 ? passed : -1);
        }
        assertThat(version).as("past the tenth event").isGreaterThanOrEqualTo(9);

        // read from the store, as on a node that has not used it: the snapshot and the events after it
        campaignCache.remove(id);
        Reply paused = step(id, "pause");
        assertThat(paused.version()).isEqualTo(version + 1);
        assertThat(admin.campaign(id, paused.version()).text("status")).isEqualTo("PAUSED");
    }

    private long snapshotSize(String id) {
        Long size = jdbc.queryForObject("SELECT MAX(OCTET_LENGTH(payload)) FROM SnapshotEventEntry WHERE aggregateIdentifier = ? "
                + "AND sequenceNumber = (SELECT MAX(sequenceNumber) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?)",
                Long.class, id, id);
        return size == null ? 0 : size;
    }

    private long latestSnapshotSequence(String id) {
        Long sequence = jdbc.queryForObject("SELECT MAX(sequenceNumber) FROM SnapshotEventEntry WHERE aggregateIdentifier = ?",
                Long.class, id);
        return sequence == null ? -1 : sequence;
    }

    @Test
    void every_event_records_who_caused_it_and_the_request_it_came_from() {
        Reply created = admin.send("POST", CAMPAIGNS, readySms("Audited"), Map.of("X-Request-Id", "req-audit-1"));
        assertThat(created.header("X-Request-Id")).isEqualTo("req-audit-1");
        String id = created.text("id");
        admin.send("POST", CAMPAIGNS + "/" + id + "/launch", null, Map.of("X-Request-Id", "req-audit-2"));
        admin.awaitStatus(id, "ACTIVE");

        List<Map<String, Object>> events = jdbc.queryForList(
                "SELECT payloadType, metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? ORDER BY sequenceNumber", id);
        assertThat(events).hasSize(3);
        for (Map<String, Object> event : events) {
            JsonNode metadata = metadata(event);
            assertThat(metadata.path("actor").asText()).as(event.get("payloadType").toString()).isEqualTo("admin");
        }
        assertThat(metadata(events.get(0)).path("requestId").asText()).isEqualTo("req-audit-1");
        assertThat(metadata(events.get(1)).path("requestId").asText()).isEqualTo("req-audit-2");
        assertThat(metadata(events.get(2)).path("requestId").asText())
                .as("the launch outcome carries the launch request's id").isEqualTo("req-audit-2");
    }

    @Test
    void new_campaigns_and_clones_get_time_ordered_ids() {
        String first = created(admin.post(CAMPAIGNS, create("Ordered one", "SMS", Map.of())));
        String second = created(admin.post(CAMPAIGNS, create("Ordered two", "SMS", Map.of())));
        Reply clone = admin.post(CAMPAIGNS + "/" + first + "/clone", Map.of());
        assertThat(clone.status()).isEqualTo(201);
        List<String> ids = List.of(first, second, clone.text("id"));
        assertThat(ids).allSatisfy(id -> assertThat(UUID.fromString(id).version()).as(id).isEqualTo(7));
        assertThat(ids).as("made in this order").isSorted();
    }

    @Test
    void the_same_idempotency_key_answers_the_first_answer_and_runs_nothing_twice() {
        Map<String, String> key = Map.of("Idempotency-Key", "create-" + System.nanoTime());
        Map<String, Object> body = readySms("Once");
        Reply first = admin.send("POST", CAMPAIGNS, body, key);
        Reply second = admin.send("POST", CAMPAIGNS, body, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("id")).isEqualTo(first.text("id"));
        assertThat(second.header("Location")).isEqualTo(first.header("Location"));
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE payloadType LIKE '%Created' "
                + "AND aggregateIdentifier = ?", Integer.class, first.text("id"))).isEqualTo(1);

        Reply other = admin.send("POST", CAMPAIGNS, readySms("Another body"), key);
        assertThat(other.status()).isEqualTo(422);

        String id = first.text("id");
        Map<String, String> pauseKey = Map.of("Idempotency-Key", "pause-" + System.nanoTime());
        Reply conflict = admin.send("POST", CAMPAIGNS + "/" + id + "/pause", null, pauseKey);
        Reply replayed = admin.send("POST", CAMPAIGNS + "/" + id + "/pause", null, pauseKey);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(replayed.status()).isEqualTo(409);
        assertThat(replayed.body()).isEqualTo(conflict.body());
    }

    @Test
    void nothing_but_health_answers_without_credentials() {
        EngineClient anonymous = admin.anonymous();
        assertThat(anonymous.get("/actuator/health").status()).isEqualTo(200);
        Reply refused = anonymous.get(CAMPAIGNS + "/" + java.util.UUID.randomUUID());
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(anonymous.post(CAMPAIGNS, readySms("Intruder")).status()).isEqualTo(401);
        assertThat(anonymous.get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(new EngineClient(port, "admin", "wrong").get("/v3/api-docs").status()).isEqualTo(401);
    }

    @Test
    void the_index_lists_campaigns_by_tab_with_search_filters_sorting_and_pages() {
        String office = "list-" + System.nanoTime();
        for (String name : List.of("Gamma drive", "alpha drive", "Beta drive")) {
            Map<String, Object> body = readySms(name);
            body.put("office", office);
            body.put("tags", List.of("gotv"));
            admin.campaign(created(admin.post(CAMPAIGNS, body)), 0);
        }
        Map<String, Object> voice = readyVoice("Delta calls");
        voice.put("office", office);
        String launched = created(admin.post(CAMPAIGNS, voice));
        admin.post(CAMPAIGNS + "/" + launched + "/launch");
        admin.awaitStatus(launched, "ACTIVE");

        Reply firstPage = admin.get(CAMPAIGNS + "?office=" + office + "&sort=name,asc&size=2&page=0");
        assertThat(firstPage.status()).isEqualTo(200);
        assertThat(firstPage.body().path("total").asInt()).isEqualTo(4);
        assertThat(firstPage.body().path("size").asInt()).isEqualTo(2);
        List<String> listed = new ArrayList<>();
        firstPage.body().path("items").forEach(item -> listed.add(item.path("name").asText()));
        assertThat(listed).containsExactly("alpha drive", "Beta drive");
        JsonNode row = firstPage.body().path("items").get(0);
        assertThat(row.path("status").asText()).isEqualTo("DRAFT");
        assertThat(row.path("contactList").path("name").asText()).isEqualTo("Volunteers");
        assertThat(row.has("settings")).as("rows are index rows, not details").isFalse();

        assertThat(admin.get(CAMPAIGNS + "?office=" + office + "&tab=active").body().path("items").get(0)
                .path("name").asText()).isEqualTo("Delta calls");
        assertThat(admin.get(CAMPAIGNS + "?office=" + office + "&q=DRIVE&tag=gotv&channel=SMS&status=DRAFT")
                .body().path("total").asInt()).isEqualTo(3);
        assertThat(admin.get(CAMPAIGNS + "?office=" + office + "&tab=archived").body().path("total").asInt()).isZero();

        Reply tabs = admin.get(CAMPAIGNS + "/tabs");
        assertThat(tabs.status()).isEqualTo(200);
        assertThat(tabs.body().path("draft").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(tabs.body().has("all")).isTrue();
    }

    @Test
    void bad_list_parameters_answer_400_naming_each() {
        Reply tooBig = admin.get(CAMPAIGNS + "?size=101");
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.body().path("errors").get(0).path("field").asText()).isEqualTo("size");
        Reply several = admin.get(CAMPAIGNS + "?tab=everything&sort=password,asc&channel=FAX&page=-1");
        assertThat(several.status()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        several.body().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        assertThat(fields).containsExactlyInAnyOrder("tab", "sort", "channel", "page");
    }

    @Test
    void the_openapi_description_is_served() {
        Reply docs = admin.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.body().path("paths").has("/api/v1/campaigns/{id}/launch")).isTrue();
    }

    String created(Reply reply) {
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        assertThat(reply.text("status")).isEqualTo("DRAFT");
        return reply.text("id");
    }

    Reply step(String id, String action) {
        Reply reply = admin.post(CAMPAIGNS + "/" + id + "/" + action);
        assertThat(reply.status()).as(action + ": " + reply.body()).isEqualTo(200);
        return reply;
    }

    /**
     * Numbers are released by a process that follows the Archived event, moments later: a launch in
     * between fails back to DRAFT, as a user would see it, and is tried again.
     */
    Reply launchUntilActive(String id, Duration atMost) {
        Instant deadline = Instant.now().plus(atMost);
        while (true) {
            long requested = admin.post(CAMPAIGNS + "/" + id + "/launch").version();
            Reply settled = admin.awaitCampaign(id, Duration.ofSeconds(10), r -> r.version() > requested);
            if ("ACTIVE".equals(settled.text("status")) || Instant.now().isAfter(deadline)) {
                assertThat(settled.text("status")).as(settled.text("statusReason")).isEqualTo("ACTIVE");
                return settled;
            }
        }
    }

    List<String> eventTypes(String id) {
        return jdbc.queryForList("SELECT payloadType FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                        + "ORDER BY sequenceNumber", String.class, id).stream()
                .map(type -> type.substring(type.lastIndexOf('$') + 1)).toList();
    }

    List<String> actors(String id, String eventType) {
        return jdbc.queryForList("SELECT payloadType, metaData FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                        + "ORDER BY sequenceNumber", id).stream()
                .filter(event -> event.get("payloadType").toString().endsWith("$" + eventType))
                .map(event -> metadata(event).path("actor").asText()).toList();
    }

    static JsonNode metadata(Map<String, Object> event) {
        Object column = event.get("metaData");
        if (column == null) {
            column = event.get("metadata");
        }
        try {
            return EngineClient.JSON.readTree(new String((byte[]) column, StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.asText()));
        return names;
    }

    static Map<String, Object> withUseCase(String name, List<String> areaCodes, String useCase) {
        Map<String, Object> settings = readySettings("SMS", areaCodes);
        settings.put("useCaseId", useCase);
        return create(name, "SMS", settings);
    }
}
