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

        Reply started = admin.post(REPLAY);
        assertThat(started.status()).isEqualTo(202);
        assertThat(started.text("name")).isEqualTo("status-index");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> !admin.get(REPLAY).body().path("replaying").asBoolean());

        Reply done = admin.get(REPLAY);
        assertThat(done.body().path("fraction").asDouble()).isEqualTo(1.0);
        assertThat(done.body().path("indexing").asBoolean()).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM parked_index", Integer.class))
                .as("every index set aside for the replay is built again").isZero();
        assertThat(index()).isEqualTo(live);
        assertThat(admin.get("/api/v1/admin/projections").body().findValuesAsText("name")).contains("status-index");
        assertThat(admin.post("/api/v1/admin/projections/launch-process/replay").status())
                .as("the launch process is no read model: replaying it would launch again").isEqualTo(404);
    }

    private List<Map<String, Object>> index() {
        return jdbc.queryForList("SELECT * FROM campaign_index ORDER BY id");
    }
}
