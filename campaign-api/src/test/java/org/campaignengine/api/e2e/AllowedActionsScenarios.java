package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.*;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.campaignengine.api.e2e.EngineClient.Reply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One authority for what a status allows: for a campaign in every status a client can see, each
 * refused command's 409 names exactly the {@code allowedActions} that {@code GET} shows for it,
 * including inside a scheduled launch's lock window and for a campaign stopped before it launched.
 * The lock window is an hour here, so a launch 30 minutes away is inside it for the whole test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD,
        "campaign.schedule.min-lead-time=PT1S",
        "campaign.schedule.lock-window=PT1H",
        "campaign.content.denied-terms=forbiddenword"})
abstract class AllowedActionsScenarios {

    private static final String CAMPAIGNS = "/api/v1/campaigns";
    /** Commands without a body, tried on each campaign wherever its status refuses them. */
    private static final List<String> BODILESS = List.of("unschedule", "launch", "pause", "resume", "stop",
            "restart", "complete", "archive");

    @LocalServerPort
    int port;

    private EngineClient admin;

    @BeforeEach
    void connect() {
        admin = new EngineClient(port, "admin", EngineScenarios.PASSWORD);
    }

    @Test
    void every_conflict_offers_the_actions_get_offers_for_the_same_campaign() {
        Map<String, Reply> campaigns = new LinkedHashMap<>();
        campaigns.put("DRAFT", created(readySms("Draft")));
        campaigns.put("SCHEDULED", scheduled("Scheduled", Duration.ofHours(3)));
        campaigns.put("SCHEDULED inside the lock window", scheduled("Locked", Duration.ofMinutes(30)));
        campaigns.put("REJECTED", rejected());
        campaigns.put("ACTIVE", active(readySms("Active")));
        campaigns.put("PAUSED", then(active(readySms("Paused")), "pause", null));
        campaigns.put("SUSPENDED", then(active(readySms("Suspended")), "suspend", Map.of("reason", "domains")));
        campaigns.put("STOPPED", then(active(readySms("Stopped")), "stop", null));
        campaigns.put("STOPPED before it launched", then(scheduled("Never launched", Duration.ofHours(3)), "stop",
                null));
        campaigns.put("VOICE STOPPED", then(active(readyVoice("Voice stopped")), "stop", null));
        campaigns.put("ERRORED", then(active(readyVoice("Errored")), "error",
                Map.of("code", "DIALER_DOWN", "message", "the dialer stopped answering")));
        campaigns.put("COMPLETED", then(active(readySms("Completed")), "complete", null));
        campaigns.put("ARCHIVED", then(active(readySms("Archived")), "archive", null));

        campaigns.forEach((what, last) -> {
            String id = last.text("id");
            Reply shown = admin.campaign(id, last.version());
            assertThat(shown.status()).as(what).isEqualTo(200);
            List<String> allowed = names(shown.body().path("allowedActions"));
            List<String> refused = new ArrayList<>(BODILESS);
            refused.removeAll(allowed);
            assertThat(refused).as(what + " refuses some command").isNotEmpty();
            for (String action : refused) {
                Reply conflict = admin.post(CAMPAIGNS + "/" + id + "/" + action);
                assertThat(conflict.status()).as(what + ": " + action).isEqualTo(409);
                assertThat(names(conflict.body().path("allowedActions"))).as(what + ": " + action)
                        .isEqualTo(allowed);
            }
            if (!allowed.contains("update")) {
                Reply edit = admin.patch(CAMPAIGNS + "/" + id, Map.of("name", "Renamed"));
                assertThat(edit.status()).as(what + ": update").isEqualTo(409);
                assertThat(names(edit.body().path("allowedActions"))).as(what + ": update").isEqualTo(allowed);
            }
        });
    }

    private Reply created(Map<String, Object> body) {
        Reply created = admin.post(CAMPAIGNS, body);
        assertThat(created.status()).isEqualTo(201);
        return created;
    }

    private Reply scheduled(String name, Duration ahead) {
        Reply created = created(readySms(name));
        Instant launchAt = Instant.now().plus(ahead).truncatedTo(ChronoUnit.SECONDS);
        return then(created, "schedule", Map.of("launchAt", launchAt.toString()));
    }

    private Reply rejected() {
        Map<String, Object> settings = readySettings("SMS", List.of("212"));
        settings.put("initialMessage", "Win a forbiddenword prize");
        Reply created = created(create("Rejected", "SMS", settings));
        then(created, "launch", null);
        return admin.awaitStatus(created.text("id"), "REJECTED");
    }

    private Reply active(Map<String, Object> body) {
        Reply created = created(body);
        then(created, "launch", null);
        return admin.awaitStatus(created.text("id"), "ACTIVE");
    }

    /** Sends the command and answers its reply, which carries the campaign's id and version. */
    private Reply then(Reply campaign, String action, Object body) {
        String path = CAMPAIGNS + "/" + campaign.text("id") + "/" + action;
        Reply reply = body == null ? admin.post(path) : admin.post(path, body);
        assertThat(reply.status()).as(action).isBetween(200, 202);
        return reply;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(node -> names.add(node.asText()));
        return names;
    }
}
