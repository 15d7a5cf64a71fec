package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.readySms;
import static org.campaignengine.api.e2e.Campaigns.record;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A read model that cannot handle a campaign's event sets that campaign aside and goes on with the others;
 * once the cause is gone, a retry through the admin API applies the campaign's events, and the read model is
 * then what a replay makes of the events. The letters show in the read model's {@code campaign_dead_letters} metric.
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD,
        "campaign.metrics.refresh=PT1S"})
@Import(FailingReadModel.Config.class)
abstract class DeadLetterScenarios {

    private static final String CAMPAIGNS = "/api/v1/campaigns";
    private static final String LETTERS = "/api/v1/admin/dead-letters";
    private static final String REPLAY = "/api/v1/admin/projections/status-index/replay";
    private static final String REFUSED_NAME = "Refused by the index at commit";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    FailingReadModel fault;

    private EngineClient admin;

    @BeforeEach
    void connect() {
        admin = new EngineClient(port, "admin", EngineScenarios.PASSWORD);
    }

    @AfterEach
    void heal() {
        fault.heal();
        jdbc.execute("ALTER TABLE campaign_index DROP CONSTRAINT IF EXISTS refused_at_commit");
    }

    @Test
    void a_campaign_whose_event_fails_in_a_read_model_waits_aside_until_retried_while_others_advance() {
        String failing = admin.post(CAMPAIGNS, readySms("Fails in the index")).text("id");
        assertThat(admin.campaign(failing, 0).status()).isEqualTo(200);
        fault.failFor("status-index", failing);
        Reply first = admin.patch(CAMPAIGNS + "/" + failing, Map.of("tags", List.of("first")));
        Reply second = admin.patch(CAMPAIGNS + "/" + failing, Map.of("tags", List.of("second")));
        assertThat(second.status()).isEqualTo(200);

        String other = admin.post(CAMPAIGNS, readySms("Goes on")).text("id");
        Reply tagged = admin.patch(CAMPAIGNS + "/" + other, Map.of("tags", List.of("moving")));
        assertThat(admin.campaign(other, tagged.version()).body().path("tags").toString()).contains("moving");

        JsonNode letter = awaitLetter("status-index", failing, l -> l.path("letters").asLong() == 2);
        assertThat(letter.path("campaignId").asText()).isEqualTo(failing);
        assertThat(letter.path("eventType").asText()).isEqualTo("SettingsUpdated");
        assertThat(letter.path("causeType").asText()).isEqualTo(IllegalStateException.class.getName());
        assertThat(letter.path("causeMessage").asText()).contains("injected failure of status-index", failing);
        assertThat(letter.path("attempts").asLong()).isEqualTo(1);
        assertThat(letter.path("letters").asLong()).as("the campaign's second edit waits behind the first").isEqualTo(2);
        Instant firstFailed = Instant.parse(letter.path("firstFailedAt").asText());
        assertThat(admin.get(CAMPAIGNS + "/" + failing).body().path("tags").toString()).doesNotContain("first");
        assertThat(admin.get(LETTERS + "/count?processor=status-index").body().get(0).path("sequences").asLong())
                .isEqualTo(1);
        awaitMetric("campaign_dead_letters", "status-index", 2);
        awaitMetric("campaign_dead_letter_sequences", "status-index", 1);

        Reply stillFailing = admin.post(LETTERS + "/status-index/" + failing + "/retry");
        assertThat(stillFailing.status()).isEqualTo(200);
        assertThat(stillFailing.body().path("applied").asBoolean()).isFalse();
        JsonNode again = awaitLetter("status-index", failing, l -> true);
        assertThat(again.path("attempts").asLong()).isEqualTo(2);
        assertThat(Instant.parse(again.path("lastFailedAt").asText())).isAfterOrEqualTo(firstFailed);

        fault.heal();
        Reply retried = admin.post(LETTERS + "/status-index/" + failing + "/retry");
        assertThat(retried.body().path("applied").asBoolean()).isTrue();
        assertThat(retried.body().path("remaining").asLong()).isZero();
        awaitMetric("campaign_dead_letters", "status-index", 0);
        assertThat(admin.campaign(failing, second.version()).body().path("tags").toString()).contains("second");
        assertThat(first.version()).isLessThan(second.version());
        assertThat(letters("status-index")).isEmpty();

        assertThat(replayedIndex()).as("the index after the retry is the index the events make").isEqualTo(index());
    }

    @Test
    void a_write_refused_when_the_batch_commits_sets_aside_only_the_campaign_it_belongs_to() {
        jdbc.execute("ALTER TABLE campaign_index ADD CONSTRAINT refused_at_commit CHECK (name <> '" + REFUSED_NAME + "')");
        String refused = admin.post(CAMPAIGNS, readySms(REFUSED_NAME)).text("id");
        Reply accepted = admin.post(CAMPAIGNS, readySms("Written beside it"));
        assertThat(admin.campaign(accepted.text("id"), accepted.version()).status()).isEqualTo(200);

        JsonNode letter = awaitLetter("status-index", refused);
        assertThat(letter.path("eventType").asText()).isEqualTo("Created");
        assertThat(letter.path("causeMessage").asText()).containsIgnoringCase("refused_at_commit");
        assertThat(admin.get(CAMPAIGNS + "/" + refused).status()).isEqualTo(404);
        Reply stillRefused = admin.post(LETTERS + "/status-index/" + refused + "/retry");
        assertThat(stillRefused.body().path("applied").asBoolean()).as(stillRefused.body().toString()).isFalse();
        assertThat(awaitLetter("status-index", refused, l -> true).path("attempts").asLong()).isEqualTo(2);

        jdbc.execute("ALTER TABLE campaign_index DROP CONSTRAINT refused_at_commit");
        assertThat(admin.post(LETTERS + "/status-index/retry").body().path("applied").asInt()).isEqualTo(1);
        assertThat(admin.get(CAMPAIGNS + "/" + refused).body().path("name").asText()).isEqualTo(REFUSED_NAME);
        assertThat(replayedIndex()).isEqualTo(index());
    }

    @Test
    void an_unknown_read_model_or_sequence_is_answered_with_a_problem_and_changes_nothing() {
        Reply anchors = admin.get(LETTERS + "?processor=audit-anchor");
        assertThat(anchors.status()).as("the audit anchors never skip an event").isEqualTo(404);
        assertThat(anchors.text("type")).isEqualTo("urn:campaign-engine:problem:unknown-processor");
        Reply sequence = admin.delete(LETTERS + "/analytics/no-such-campaign");
        assertThat(sequence.status()).isEqualTo(404);
        assertThat(sequence.text("type")).isEqualTo("urn:campaign-engine:problem:unknown-dead-letter");
        assertThat(admin.post(LETTERS + "/launch-process/retry").status()).isEqualTo(404);
    }

    @Test
    void an_evicted_sequence_is_gone_and_leaves_the_campaign_as_it_was() {
        String failing = admin.post(CAMPAIGNS, readySms("Evicted")).text("id");
        assertThat(admin.campaign(failing, 0).status()).isEqualTo(200);
        fault.failFor("status-index", failing);
        admin.patch(CAMPAIGNS + "/" + failing, Map.of("tags", List.of("dropped")));
        awaitLetter("status-index", failing);

        assertThat(admin.delete(LETTERS + "/status-index/" + failing).status()).isEqualTo(204);
        assertThat(letters("status-index").findValuesAsText("sequenceId")).doesNotContain(failing);
        fault.heal();
        assertThat(admin.get(CAMPAIGNS + "/" + failing).body().path("tags").toString()).doesNotContain("dropped");
    }

    @Test
    void activity_that_fails_in_analytics_is_undone_set_aside_and_counted_once_when_retried() {
        String failing = admin.activeSms("Counted once");
        String other = admin.activeSms("Counted beside it");
        fault.failFor("analytics", failing);
        for (String id : List.of(failing, other)) {
            assertThat(admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records",
                    List.of(record(id + "-sent", "MESSAGE_SENT")))).status()).isEqualTo(200);
        }
        assertThat(awaitSent(other)).isEqualTo(1);

        JsonNode letter = awaitLetter("analytics", failing);
        assertThat(letter.path("eventType").asText()).isEqualTo("ActivityRecorded");
        assertThat(letter.path("causeMessage").asText()).contains("injected failure of analytics");
        assertThat(sent(failing)).as("what the failed event wrote is undone").isZero();
        assertThat(letters("status-index").findValuesAsText("sequenceId"))
                .as("only the failing read model sets the campaign aside").doesNotContain(failing);

        fault.heal();
        Reply retried = admin.post(LETTERS + "/analytics/retry");
        assertThat(retried.body().path("applied").asInt()).isEqualTo(1);
        assertThat(retried.body().path("remaining").asInt()).isZero();
        assertThat(sent(failing)).isEqualTo(1);
    }

    @Test
    void a_replay_of_a_read_model_clears_its_letters_and_applies_every_event() {
        String failing = admin.post(CAMPAIGNS, readySms("Replayed past its letter")).text("id");
        assertThat(admin.campaign(failing, 0).status()).isEqualTo(200);
        fault.failFor("status-index", failing);
        Reply tagged = admin.patch(CAMPAIGNS + "/" + failing, Map.of("tags", List.of("replayed")));
        awaitLetter("status-index", failing);

        fault.heal();
        replayedIndex();
        assertThat(letters("status-index").findValuesAsText("sequenceId")).doesNotContain(failing);
        assertThat(admin.campaign(failing, tagged.version()).body().path("tags").toString()).contains("replayed");
    }

    private int awaitSent(String campaign) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> sent(campaign) > 0);
        return sent(campaign);
    }

    private int sent(String campaign) {
        return admin.get(CAMPAIGNS + "/" + campaign + "/analytics").body().path("sendStatus").path("total").asInt();
    }

    /** The read model's gauge in {@code /actuator/prometheus} reaches {@code value} (measured every second). */
    private void awaitMetric(String name, String processor, double value) {
        Pattern sample = Pattern.compile("(?m)^" + name + "\\{[^}]*processor=\"" + processor + "\"[^}]*} (\\S+)$");
        Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            Matcher found = sample.matcher(admin.get("/actuator/prometheus").body().asText());
            assertThat(found.find()).as(name).isTrue();
            assertThat(Double.parseDouble(found.group(1))).as(name).isEqualTo(value);
        });
    }

    private JsonNode awaitLetter(String processor, String campaign) {
        return awaitLetter(processor, campaign, letter -> true);
    }

    private JsonNode awaitLetter(String processor, String campaign, Predicate<JsonNode> condition) {
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            for (JsonNode each : letters(processor)) {
                if (campaign.equals(each.path("sequenceId").asText()) && condition.test(each)) {
                    found[0] = each;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private JsonNode letters(String processor) {
        Reply reply = admin.get(LETTERS + "?processor=" + processor);
        assertThat(reply.status()).isEqualTo(200);
        return reply.body();
    }

    /** The status index as a replay through the admin API rebuilds it. */
    private List<Map<String, Object>> replayedIndex() {
        assertThat(admin.post(REPLAY).status()).isEqualTo(202);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> !admin.get(REPLAY).body().path("replaying").asBoolean());
        return index();
    }

    private List<Map<String, Object>> index() {
        return jdbc.queryForList("SELECT * FROM campaign_index ORDER BY id");
    }
}
