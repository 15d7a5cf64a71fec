package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import com.fasterxml.jackson.databind.JsonNode;

/** Timers are persistent: they survive a restart of the engine and fire once. Subclasses choose the store. */
abstract class TimerScenarios {

    static final String CAMPAIGNS = "/api/v1/campaigns";

    abstract EngineNodes nodes();

    @Test
    void a_scheduled_launch_fires_once_when_the_engine_was_down_at_its_time() {
        try (EngineNodes nodes = nodes()) {
            ConfigurableApplicationContext first = nodes.start();
            EngineClient before = EngineNodes.client(first);
            String id = before.post(CAMPAIGNS, Campaigns.readySms("Survives a restart")).text("id");
            Instant launchAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
            assertThat(before.post(CAMPAIGNS + "/" + id + "/schedule", Map.of("launchAt", launchAt.toString()))
                    .status()).isEqualTo(200);
            nodes.stop(first);

            await("the launch time passes while no engine runs").atMost(Duration.ofSeconds(10))
                    .until(() -> Instant.now().isAfter(launchAt.plusSeconds(1)));
            ConfigurableApplicationContext second = nodes.start();
            EngineClient after = EngineNodes.client(second);
            Reply active = after.awaitCampaign(id, Duration.ofSeconds(30), r -> "ACTIVE".equals(r.text("status")));
            assertThat(Instant.parse(active.text("launchedAt"))).isAfter(launchAt);

            staysLaunchedOnce(EngineNodes.jdbc(second), List.of(id));
        }
    }

    @Test
    void a_scheduled_launch_fires_once_when_the_engine_restarts_before_its_time() {
        try (EngineNodes nodes = nodes()) {
            Instant starting = Instant.now();
            ConfigurableApplicationContext first = nodes.start();
            Duration start = Duration.between(starting, Instant.now());
            EngineClient before = EngineNodes.client(first);
            String id = before.post(CAMPAIGNS, Campaigns.readySms("Restarted early")).text("id");
            // far enough ahead for a stop and a restart: one and a half times the start just measured (which also
            // migrated the fresh store and loaded the classes, so it is longer than a restart), so a busy machine
            // (two test JVMs on two cores take up to ~20 s to start a node) waits longer and an idle one less
            Duration ahead = ahead(start.multipliedBy(3).dividedBy(2).plusSeconds(5), 10, 30);
            Instant launchAt = Instant.now().plus(ahead).truncatedTo(ChronoUnit.MILLIS);
            before.post(CAMPAIGNS + "/" + id + "/schedule", Map.of("launchAt", launchAt.toString()));
            nodes.stop(first);

            ConfigurableApplicationContext second = nodes.start();
            assertThat(Instant.now()).as("the second node was up before the launch time (the first started in %s, "
                    + "the launch was set %s ahead)", start, ahead).isBefore(launchAt);
            Reply active = EngineNodes.client(second)
                    .awaitCampaign(id, Duration.ofSeconds(60), r -> "ACTIVE".equals(r.text("status")));
            assertThat(Instant.parse(active.text("launchedAt"))).isAfterOrEqualTo(launchAt);
            staysLaunchedOnce(EngineNodes.jdbc(second), List.of(id));
        }
    }

    @Test
    void two_nodes_sharing_the_store_launch_each_scheduled_campaign_once() {
        try (EngineNodes nodes = nodes()) {
            ConfigurableApplicationContext a = nodes.start();
            ConfigurableApplicationContext b = nodes.start();
            EngineClient clientA = EngineNodes.client(a);
            EngineClient clientB = EngineNodes.client(b);
            List<String> ids = new ArrayList<>();
            Instant creating = Instant.now();
            for (int i = 0; i < 6; i++) {
                EngineClient client = i % 2 == 0 ? clientA : clientB;
                ids.add(client.post(CAMPAIGNS, Campaigns.readySms("Shared " + i)).text("id"));
            }
            // far enough ahead for the six schedule calls, each at least the minimum lead time (2 s) before it:
            // twice what the six creations just took, so a busy machine waits longer and an idle one less
            Duration creations = Duration.between(creating, Instant.now());
            Instant launchAt = Instant.now().plus(ahead(creations.multipliedBy(2).plusSeconds(5), 6, 15))
                    .truncatedTo(ChronoUnit.MILLIS);
            for (int i = 0; i < 6; i++) {
                EngineClient client = i % 2 == 0 ? clientA : clientB;
                assertThat(client.post(CAMPAIGNS + "/" + ids.get(i) + "/schedule",
                        Map.of("launchAt", launchAt.toString())).status()).isEqualTo(200);
            }
            for (String id : ids) {
                clientB.awaitCampaign(id, Duration.ofSeconds(40), r -> "ACTIVE".equals(r.text("status")));
                clientA.awaitCampaign(id, Duration.ofSeconds(40), r -> "ACTIVE".equals(r.text("status")));
            }
            staysLaunchedOnce(EngineNodes.jdbc(a), ids);
            await("both nodes' events chained and anchored once").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode verify = clientB.get("/api/v1/audit/verify").body();
                assertThat(verify.path("verified").asBoolean()).as(verify.toString()).isTrue();
                assertThat(verify.path("anchored").asLong()).isEqualTo(verify.path("events").asLong());
            });
        }
    }

    @Test
    void anchors_that_first_start_on_a_store_with_history_anchor_that_history_too() {
        try (EngineNodes nodes = nodes()) {
            ConfigurableApplicationContext first = nodes.start();
            EngineClient before = EngineNodes.client(first);
            for (int i = 0; i < 3; i++) {
                assertThat(before.post(CAMPAIGNS, Campaigns.readySms("History before anchors " + i)).status())
                        .isEqualTo(201);
            }
            // every event anchored first: an anchor batch still in flight could land after the delete below
            await("anchored").atMost(Duration.ofSeconds(30)).until(() -> {
                JsonNode verify = before.get("/api/v1/audit/verify").body();
                return verify.path("anchored").asLong() > 0
                        && verify.path("anchored").asLong() == verify.path("events").asLong();
            });
            // as on a store written before the anchors existed: no token, no anchor
            JdbcTemplate store = EngineNodes.jdbc(first);
            store.update("DELETE FROM chain_anchor");
            store.update("DELETE FROM TokenEntry WHERE processorName = 'audit-anchor'");
            nodes.stop(first);

            EngineClient after = EngineNodes.client(nodes.start());
            await("the whole history anchored").atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonNode verify = after.get("/api/v1/audit/verify").body();
                assertThat(verify.path("verified").asBoolean()).as(verify.toString()).isTrue();
                assertThat(verify.path("anchored").asLong()).isEqualTo(verify.path("events").asLong());
            });
        }
    }

    /** {@code wanted}, but at least {@code floorSeconds} and at most {@code capSeconds}. */
    static Duration ahead(Duration wanted, long floorSeconds, long capSeconds) {
        Duration floor = Duration.ofSeconds(floorSeconds);
        Duration cap = Duration.ofSeconds(capSeconds);
        return wanted.compareTo(floor) < 0 ? floor : wanted.compareTo(cap) > 0 ? cap : wanted;
    }

    /** Each campaign has one launch request and one launch, and still has them two seconds later. */
    static void staysLaunchedOnce(JdbcTemplate jdbc, List<String> ids) {
        await("no second launch").during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> {
                    for (String id : ids) {
                        assertThat(count(jdbc, id, "LaunchRequested")).as(id).isEqualTo(1);
                        assertThat(count(jdbc, id, "Launched")).as(id).isEqualTo(1);
                    }
                });
    }

    static int count(JdbcTemplate jdbc, String id, String eventType) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM DomainEventEntry WHERE aggregateIdentifier = ? "
                + "AND payloadType LIKE ?", Integer.class, id, "%$" + eventType);
    }
}
