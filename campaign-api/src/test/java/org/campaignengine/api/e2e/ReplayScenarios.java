package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A read model rebuilt from the events equals the one kept live: campaigns in several statuses, with
 * activity, then a replay of the status index through the admin API, watched until it is done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD,
        "campaign.schedule.min-lead-time=PT1S"})
abstract class ReplayScenarios {

    private static final String CAMPAIGNS = "/api/v1/campaigns";
    private static final String REPLAY = "/api/v1/admin/projections/status-index/replay";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private EngineClient admin;

    @BeforeEach
    void connect() {
        admin = new EngineClient(port, "admin", EngineScenarios.PASSWORD);
    }

    @Test
    void the_status_index_rebuilt_from_the_events_equals_the_live_one() {
        String draft = admin.post(CAMPAIGNS, readySms("Stays a draft")).text("id");
        String active = admin.post(CAMPAIGNS, readySms("Runs")).text("id");
        admin.post(CAMPAIGNS + "/" + active + "/launch");
        admin.awaitStatus(active, "ACTIVE");
        admin.post(CAMPAIGNS + "/" + active + "/activity", Map.of("records",
                List.of(record("a-1", "MESSAGE_SENT"), record("a-2", "REPLY_RECEIVED"))));
        admin.awaitCampaign(active, Duration.ofSeconds(20),
                row -> row.body().path("recipients").path("sent").asInt() == 1);
        String archived = admin.post(CAMPAIGNS, readyVoice("Archived")).text("id");
        admin.post(CAMPAIGNS + "/" + archived + "/launch");
        admin.awaitStatus(archived, "ACTIVE");
        Reply last = admin.post(CAMPAIGNS + "/" + archived + "/archive");
        admin.campaign(archived, last.version());
        Reply tagged = admin.patch(CAMPAIGNS + "/" + draft, Map.of("tags", List.of("replayed")));
        assertThat(admin.campaign(draft, tagged.version()).status()).isEqualTo(200);
        List<Map<String, Object>> live = index();
        assertThat(live).hasSize(3);

        Reply idle = admin.get(REPLAY);
        assertThat(idle.body().path("replaying").asBoolean()).isFalse();
        assertThat(idle.body().path("position").asLong()).as("an idle read model has read the events").isPositive();
        assertTopLineAgreesWithSegments(idle.body());

        Reply started = admin.post(REPLAY);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.text("name")).isEqualTo("status-index");
        assertTopLineAgreesWithSegments(started.body());
        assertThat(started.body().path("target").asLong()).as("the replay has events to reach").isPositive();
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !admin.get(REPLAY).body().path("replaying").asBoolean());

        Reply done = admin.get(REPLAY);
        assertThat(done.body().path("fraction").asDouble()).isEqualTo(1.0);
        assertTopLineAgreesWithSegments(done.body());
        assertThat(done.body().path("position").asLong()).isGreaterThanOrEqualTo(started.body().path("target").asLong());
        assertThat(done.body().path("indexing").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM parked_index", Integer.class))
                .as("every index set aside for the replay is built again").isZero();
        assertThat(index()).isEqualTo(live);
        assertThat(admin.get("/api/v1/admin/projections").body().findValuesAsText("name")).contains("status-index");
        assertThat(admin.post("/api/v1/admin/projections/launch-process/replay").status())
                .as("the launch process is no read model: replaying it would launch again").isEqualTo(404);
    }

    /**
     * The top line's position is the lowest segment position (a segment without one counts as 0); its target
     * the highest reset position while replaying, else the highest segment position (the head as read).
     */
    private static void assertTopLineAgreesWithSegments(JsonNode progress) {
        JsonNode segments = progress.path("segments");
        assertThat(segments.size()).as(progress.toString()).isPositive();
        long lowest = Long.MAX_VALUE;
        long highest = 0;
        long highestReset = 0;
        for (JsonNode segment : segments) {
            long position = segment.path("position").asLong(0);
            lowest = Math.min(lowest, position);
            highest = Math.max(highest, position);
            highestReset = Math.max(highestReset, segment.path("resetPosition").asLong(0));
        }
        boolean replaying = false;
        for (JsonNode segment : segments) {
            replaying |= segment.path("replaying").asBoolean();
        }
        assertThat(progress.path("position").asLong()).as(progress.toString()).isEqualTo(lowest);
        assertThat(progress.path("target").asLong()).as(progress.toString())
                .isEqualTo(replaying ? highestReset : Math.max(highest, highestReset));
    }

    private List<Map<String, Object>> index() {
        return jdbc.queryForList("SELECT * FROM campaign_index ORDER BY id");
    }
}
