package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.*;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.awaitility.Awaitility;
import org.campaignengine.api.e2e.ServerSentEvents.Event;
import org.campaignengine.api.readmodels.live.LiveUpdates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Live updates: the stream delivers a campaign's index row after a command, only to callers who may see it;
 * two hundred streams cost one read per change, a stream that stops reading is dropped, and one whose client
 * went away ends at the next keep-alive (every half second here).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + EngineScenarios.PASSWORD, "campaign.live.keep-alive=PT0.5S"})
@Import(LiveStreamScenarios.SmallSendBuffers.class)
abstract class LiveStreamScenarios {

    private static final String PASSWORD = "a long enough password";
    private static final int STREAMS_PER_OFFICE = 100;
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    LiveUpdates live;

    /**
     * The kernel would otherwise buffer megabytes for a client that stops reading before the server's write
     * waits; with small send buffers the stalled stream's own buffer fills after a few hundred updates.
     */
    @TestConfiguration(proxyBeanMethods = false)
    static class SmallSendBuffers {
        @Bean
        WebServerFactoryCustomizer<TomcatServletWebServerFactory> smallSendBuffers() {
            return tomcat -> tomcat.addConnectorCustomizers(connector -> connector.setProperty("socket.txBufSize", "8192"));
        }
    }

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

    @Test
    void two_hundred_streams_get_every_visible_change_from_one_read_and_a_stream_that_stops_reading_is_dropped()
            throws Exception {
        EngineClient admin = new EngineClient(port, "admin", EngineScenarios.PASSWORD);
        Map<String, String> managers = Map.of("north", account(admin, "north"), "south", account(admin, "south"));
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        Map<String, List<ServerSentEvents>> streams = new LinkedHashMap<>();
        managers.forEach((office, user) -> streams.put(office, IntStream.range(0, STREAMS_PER_OFFICE)
                .mapToObj(i -> new ServerSentEvents(http, port, user, PASSWORD)).toList()));
        try {
            for (List<ServerSentEvents> office : streams.values()) {
                for (ServerSentEvents stream : office) {
                    assertThat(stream.next(AT_MOST, e -> e.name().equals("ready"))).isNotNull();
                }
            }
            long readsBefore = live.reads();

            Map<String, Set<String>> changed = Map.of("north", tagged(admin, "north", 3), "south", tagged(admin, "south", 3));
            Map<String, Long> versions = new LinkedHashMap<>();
            for (String office : streams.keySet()) {
                for (ServerSentEvents stream : streams.get(office)) {
                    awaitTagged(stream, office, changed.get(office)).forEach((id, v) -> versions.merge(id, v, Math::max));
                }
            }

            long events = versions.values().stream().mapToLong(version -> version + 1).sum();
            assertThat(live.reads() - readsBefore)
                    .as("one read per change of the index or the figures, not one per stream")
                    .isPositive().isLessThanOrEqualTo(2 * events);

            String flooder = account(admin, "flood");
            long overflowsBefore = live.overflows();
            try (StalledStream stalled = new StalledStream(port, flooder, PASSWORD)) {
                flood(admin, () -> live.overflows() > overflowsBefore);
                assertThat(live.overflows()).as("the stalled stream, and only it, was dropped")
                        .isEqualTo(overflowsBefore + 1);

                Map<String, Set<String>> after = Map.of("north", tagged(admin, "north", 1), "south", tagged(admin, "south", 1));
                for (String office : streams.keySet()) {
                    for (ServerSentEvents stream : streams.get(office)) {
                        awaitTagged(stream, office, after.get(office));
                    }
                }
                assertThat(stalled.endsWithin(AT_MOST)).as("the stalled client finds its stream ended").isTrue();
            }
        } finally {
            streams.values().forEach(office -> office.forEach(ServerSentEvents::close));
        }
    }

    @Test
    void a_stream_whose_client_went_away_ends_at_a_keep_alive_with_nothing_changing() throws Exception {
        EngineClient admin = new EngineClient(port, "admin", EngineScenarios.PASSWORD);
        String user = account(admin, "away");
        Awaitility.await("streams of earlier clients, all gone").atMost(AT_MOST).until(() -> live.streams() == 0);

        try (StalledStream client = new StalledStream(port, user, PASSWORD)) {
            Awaitility.await("the stream open").atMost(AT_MOST).until(() -> live.streams() == 1);
        }

        Awaitility.await("the stream ended").atMost(AT_MOST).until(() -> live.streams() == 0);
    }

    /** Creates {@code count} campaigns in the office and tags each {@code live}: their ids. */
    private static Set<String> tagged(EngineClient admin, String office, int count) {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = new LinkedHashMap<>(readySms("Streamed " + office + " " + i));
            body.put("office", office);
            String id = admin.post("/api/v1/campaigns", body).text("id");
            assertThat(admin.patch("/api/v1/campaigns/" + id, Map.of("tags", List.of("live"))).status()).isEqualTo(200);
            ids.add(id);
        }
        return ids;
    }

    /**
     * Waits until the stream showed each of {@code ids} tagged {@code live}: each one's version, failing if
     * one does not come or a campaign of another office does.
     */
    private static Map<String, Long> awaitTagged(ServerSentEvents stream, String office, Set<String> ids)
            throws Exception {
        Map<String, Long> versions = new LinkedHashMap<>();
        while (versions.size() < ids.size()) {
            Event event = stream.next(AT_MOST, e -> e.name().equals("campaign") && e.data().contains("\"live\""));
            assertThat(event).as("every visible change reaches every stream").isNotNull();
            var row = EngineClient.JSON.readTree(event.data());
            assertThat(row.path("office").asText()).as("only the caller's office").isEqualTo(office);
            if (ids.contains(row.path("id").asText())) {
                versions.put(row.path("id").asText(), row.path("version").asLong());
            }
        }
        return versions;
    }

    /**
     * Changes campaigns of an office no open stream but the stalled one sees, from four clients at once,
     * until {@code dropped} holds: large rows (long names, twenty long tags), so few fill the buffers.
     */
    private static void flood(EngineClient admin, java.util.function.BooleanSupplier dropped) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Map<String, Object> body = new LinkedHashMap<>(readySms("Flooded ".repeat(24) + c));
                body.put("office", "flood");
                String id = admin.post("/api/v1/campaigns", body).text("id");
                running.add(clients.submit(() -> {
                    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                    for (int n = 0; !dropped.getAsBoolean() && System.nanoTime() < deadline; n++) {
                        int round = n;
                        List<String> tags = IntStream.range(0, 20)
                                .mapToObj(t -> ("tag " + t + " of change " + round + " ").repeat(5).substring(0, 50))
                                .toList();
                        admin.patch("/api/v1/campaigns/" + id, Map.of("tags", tags));
                    }
                    return null;
                }));
            }
            for (Future<?> client : running) {
                client.get();
            }
        } finally {
            clients.shutdownNow();
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
