package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.*;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.campaignengine.api.e2e.ServerSentEvents.Event;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Live updates: the stream delivers a campaign's index row after a command, only to callers who may see it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD})
abstract class LiveStreamScenarios {

    private static final String PASSWORD = "a long enough password";

    @LocalServerPort
    int port;

    @Test
    void the_stream_delivers_index_rows_and_figures_as_they_change_within_the_callers_offices() throws Exception {
        EngineClient admin = new EngineClient(port, "admin", EngineScenarios.PASSWORD);
        String north = account(admin, "north");
        String south = account(admin, "south");
        try (ServerSentEvents northStream = new ServerSentEvents(port, north, PASSWORD);
             ServerSentEvents southStream = new ServerSentEvents(port, south, PASSWORD)) {
            assertThat(northStream.next(Duration.ofSeconds(10), e -> e.name().equals("ready"))).isNotNull();
            assertThat(southStream.next(Duration.ofSeconds(10), e -> e.name().equals("ready"))).isNotNull();

            String id = admin.post("/api/v1/campaigns", readySms("Streamed")).text("id");
            admin.patch("/api/v1/campaigns/" + id, Map.of("tags", List.of("live")));

            Event tagged = northStream.next(Duration.ofSeconds(15),
                    e -> e.name().equals("campaign") && e.data().contains(id) && e.data().contains("\"live\""));
            assertThat(tagged).as("the north manager sees the tagged row").isNotNull();
            assertThat(EngineClient.JSON.readTree(tagged.data()).path("status").asText()).isEqualTo("DRAFT");
            assertThat(southStream.next(Duration.ofSeconds(2), e -> e.data().contains(id)))
                    .as("another office's manager is told nothing").isNull();

            admin.post("/api/v1/campaigns/" + id + "/launch");
            admin.awaitStatus(id, "ACTIVE");
            admin.post("/api/v1/campaigns/" + id + "/activity", Map.of("records",
                    List.of(record("live-1", "MESSAGE_SENT"), record("live-2", "REPLY_RECEIVED"))));
            Event figures = northStream.next(Duration.ofSeconds(15), e -> e.name().equals("analytics")
                    && e.data().contains(id) && contactResponses(e) == 1);
            assertThat(figures).as("the campaign's figures follow its activity").isNotNull();
        }
    }

    private static int contactResponses(Event event) {
        try {
            return EngineClient.JSON.readTree(event.data()).path("analytics").path("responses").path("contact").asInt();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String account(EngineClient admin, String office) {
        String username = "live-" + office + "-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(admin.post("/api/v1/users", Map.of("username", username, "password", PASSWORD,
                "roles", List.of("MANAGER"), "offices", List.of(office))).status()).isEqualTo(201);
        return username;
    }
}
