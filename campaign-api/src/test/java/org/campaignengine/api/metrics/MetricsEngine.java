package org.campaignengine.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.*;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.campaignengine.api.e2e.EngineClient;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * One engine (each subclass chooses its store) with a scraper account ({@code CAMPAIGN_METRICS_PASSWORD}) and processors and
 * timers measured every second, and the short workload the metrics suites scrape after. Spring Boot's tests
 * leave the metrics' export off unless asked ({@link AutoConfigureObservability}).
 */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=" + MetricsEngine.ADMIN_PASSWORD,
        "CAMPAIGN_METRICS_PASSWORD=" + MetricsEngine.SCRAPER_PASSWORD,
        "campaign.schedule.min-lead-time=PT2S",
        "campaign.schedule.lock-window=PT1S",
        "campaign.metrics.refresh=PT1S"})
abstract class MetricsEngine {

    static final String ADMIN_PASSWORD = "metrics-admin-secret";
    static final String SCRAPER_PASSWORD = "metrics-scraper-secret";
    static final String CAMPAIGNS = "/api/v1/campaigns";

    @LocalServerPort
    int port;

    /** A fresh H2 file, for the suites on the embedded default. */
    static String h2() {
        return "jdbc:h2:file:./target/metrics-h2/" + UUID.randomUUID() + "/engine;DB_CLOSE_ON_EXIT=FALSE";
    }

    EngineClient admin() {
        return new EngineClient(port, "admin", ADMIN_PASSWORD);
    }

    EngineClient scraper() {
        return new EngineClient(port, "metrics", SCRAPER_PASSWORD);
    }

    Scrape scrape() {
        Reply reply = scraper().get("/actuator/prometheus");
        assertThat(reply.status()).isEqualTo(200);
        return Scrape.parse(reply.body().asText());
    }

    /** What the workload sent, and the ids it made (which no metric may carry). */
    record Sent(int accepted, int duplicates, int refusedRecords, int failedLogins, int throttledLogins,
                List<String> campaignIds) {
    }

    /**
     * Creates, fills and launches a campaign; schedules another to launch in three seconds (a timer fires);
     * refuses a command (pausing a draft); records activity with a duplicate and a refused record; fails a
     * login until it is throttled.
     */
    Sent workload() {
        EngineClient admin = admin();
        List<String> ids = new ArrayList<>();
        Reply created = admin.post(CAMPAIGNS, create("Metrics", "SMS", Map.of()));
        assertThat(created.status()).isEqualTo(201);
        String id = created.text("id");
        ids.add(id);
        Map<String, Object> settings = readySettings("SMS", List.of("212"));
        assertThat(admin.patch(CAMPAIGNS + "/" + id, settings).status()).isEqualTo(200);
        assertThat(admin.post(CAMPAIGNS + "/" + id + "/launch").status()).isEqualTo(202);

        String scheduled = admin.post(CAMPAIGNS, readySms("Metrics scheduled")).text("id");
        ids.add(scheduled);
        Instant launchAt = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        assertThat(admin.post(CAMPAIGNS + "/" + scheduled + "/schedule", Map.of("launchAt", launchAt.toString()))
                .status()).isEqualTo(200);

        String draft = admin.post(CAMPAIGNS, readySms("Metrics draft")).text("id");
        ids.add(draft);
        assertThat(admin.post(CAMPAIGNS + "/" + draft + "/pause").status()).isEqualTo(409);

        admin.awaitStatus(id, "ACTIVE");
        Reply first = admin.post(CAMPAIGNS + "/" + id + "/activity",
                Map.of("records", List.of(record("m-1", "MESSAGE_SENT"), record("m-2", "MESSAGE_SENT"))));
        Reply second = admin.post(CAMPAIGNS + "/" + id + "/activity",
                Map.of("records", List.of(record("m-1", "MESSAGE_SENT"), record("m-3", "MESSAGE_DELIVERED"))));
        Reply refused = admin.post(CAMPAIGNS + "/" + draft + "/activity",
                Map.of("records", List.of(record("d-1", "MESSAGE_SENT"))));
        for (Reply reply : List.of(first, second, refused)) {
            assertThat(reply.status()).as(reply.body().toString()).isEqualTo(200);
        }
        assertThat(first.body().path("accepted").asInt()).isEqualTo(2);
        assertThat(second.body().path("duplicates").asInt()).isEqualTo(1);
        assertThat(refused.body().path("rejected").size()).isEqualTo(1);

        EngineClient guesser = new EngineClient(port, "guess-" + UUID.randomUUID().toString().substring(0, 8),
                "not the password");
        int failed = 0;
        int throttled = 0;
        for (int i = 0; i < 6; i++) {
            int status = guesser.get(CAMPAIGNS).status();
            assertThat(status).isIn(401, 429);
            if (status == 401) {
                failed++;
            } else {
                throttled++;
            }
        }
        assertThat(throttled).as("the sixth guess waits").isPositive();

        admin.awaitStatus(scheduled, "ACTIVE");
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> admin.campaign(id, 3).status() == 200);
        return new Sent(3, 1, 1, failed, throttled, ids);
    }
}
