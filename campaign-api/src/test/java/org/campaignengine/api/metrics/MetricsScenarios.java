package org.campaignengine.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.campaignengine.api.e2e.EngineClient;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.campaignengine.api.metrics.Scrape.Sample;
import org.junit.jupiter.api.Test;

/**
 * A short workload, then {@code /actuator/prometheus} as the scraper sees it: every metric of
 * docs/operations.md (Metrics) is there, with the values the workload implies, and no campaign id in a tag.
 */
abstract class MetricsScenarios extends MetricsEngine {

    @Test
    void the_metrics_need_the_scrapers_or_an_admins_credentials() {
        EngineClient admin = admin();
        assertThat(admin.anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(admin.anonymous().get("/actuator/metrics").status()).isEqualTo(401);
        assertThat(new EngineClient(port, "metrics", "a wrong password!").get("/actuator/prometheus").status())
                .isEqualTo(401);
        Reply made = admin.post("/api/v1/users", Map.of("username", "metrics-viewer", "password", "correct horse battery",
                "roles", List.of("VIEWER"), "offices", List.of("north")));
        assertThat(made.status()).isEqualTo(201);
        EngineClient viewer = new EngineClient(port, "metrics-viewer", "correct horse battery");
        assertThat(viewer.get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(viewer.get("/actuator/metrics").status()).isEqualTo(403);

        assertThat(scraper().get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(scraper().get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(scraper().get("/actuator/metrics/campaign.commands").status()).isEqualTo(200);
        assertThat(admin.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(scraper().get("/api/v1/campaigns").status()).as("a scraper reads no campaign").isEqualTo(403);
        assertThat(scraper().get("/actuator/env").status()).isEqualTo(403);
    }

    @Test
    void a_workload_shows_in_every_metric_with_the_values_it_implies() {
        Scrape before = scrape();
        Sent sent = workload();

        Scrape after = Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(this::scrape, this::idle);

        // activity intake: exactly what was sent
        assertThat(delta(before, after, "campaign_activity_records_total", "outcome", "accepted")).isEqualTo(sent.accepted());
        assertThat(delta(before, after, "campaign_activity_records_total", "outcome", "duplicate")).isEqualTo(sent.duplicates());
        assertThat(delta(before, after, "campaign_activity_records_total", "outcome", "refused")).isEqualTo(sent.refusedRecords());

        // commands by type and outcome
        assertThat(delta(before, after, "campaign_commands_seconds_count", "command", "CreateCampaign", "outcome", "ok"))
                .isEqualTo(3);
        assertThat(delta(before, after, "campaign_commands_seconds_count", "command", "UpdateSettings", "outcome", "ok"))
                .isEqualTo(1);
        assertThat(delta(before, after, "campaign_commands_seconds_count", "command", "LaunchCampaign", "outcome", "ok"))
                .isEqualTo(1);
        assertThat(delta(before, after, "campaign_commands_seconds_count", "command", "PauseCampaign", "outcome", "refused"))
                .isEqualTo(1);
        assertThat(delta(before, after, "campaign_commands_seconds_count", "command", "RecordActivity", "outcome", "ok"))
                .isEqualTo(3);
        assertThat(delta(before, after, "campaign_commands_seconds_count", "command", "ConfirmLaunch", "outcome", "ok"))
                .as("the launch process confirmed both launches").isEqualTo(2);
        assertThat(after.sum("campaign_commands_seconds_count", "outcome", "error")).isZero();
        assertThat(after.select("campaign_commands_seconds_bucket", "command", "CreateCampaign", "outcome", "ok"))
                .as("a latency histogram").isNotEmpty();
        assertThat(after.select("campaign_commands_seconds_count").stream().map(s -> s.label("outcome")).distinct())
                .isSubsetOf("ok", "conflict", "refused", "error");

        // event processors: each read model caught up (lag 0), positions at the head, none set aside
        for (String readModel : List.of("status-index", "analytics", "contacts", "conversations", "audit-trail")) {
            assertThat(after.select("campaign_processor_lag_events", "processor", readModel)).as(readModel).hasSize(1);
            assertThat(after.sum("campaign_processor_lag_events", "processor", readModel)).as(readModel).isZero();
            assertThat(after.sum("campaign_processor_lag_seconds", "processor", readModel)).as(readModel).isZero();
            assertThat(after.select("campaign_processor_position", "processor", readModel)).as(readModel).isNotEmpty();
            assertThat(after.select("campaign_dead_letters", "processor", readModel)).as(readModel).hasSize(1);
            assertThat(after.sum("campaign_dead_letters", "processor", readModel)).as(readModel).isZero();
            assertThat(after.sum("campaign_processor_segments", "processor", readModel)).as(readModel).isEqualTo(2);
            assertThat(after.sum("eventProcessor_successCounter_total", "processorName", readModel)
                    - before.sum("eventProcessor_successCounter_total", "processorName", readModel))
                    .as(readModel + " handled events").isPositive();
        }
        assertThat(after.named("eventProcessor_failureCounter_total")).isNotEmpty();
        assertThat(after.sum("eventProcessor_failureCounter_total")).isZero();
        double head = after.named("campaign_processor_position").stream().mapToDouble(Sample::value).max().orElseThrow();
        assertThat(head).isPositive();

        // timers: the scheduled launch fired, on time; purges wait
        assertThat(delta(before, after, "campaign_timers_fired_total", "result", "ok")).isGreaterThanOrEqualTo(1);
        assertThat(delta(before, after, "campaign_timers_delay_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(after.named("campaign_timers_late_total")).isNotEmpty();
        assertThat(after.named("campaign_timers_scheduled")).isNotEmpty();
        assertThat(after.named("campaign_timers_due")).isNotEmpty();
        assertThat(after.sum("campaign_timers_fired_total", "result", "failed")).isZero();

        // HTTP by route template and status
        assertThat(after.select("http_server_requests_seconds_count", "uri", "/api/v1/campaigns/{id}/launch",
                "status", "202")).isNotEmpty();
        assertThat(after.select("http_server_requests_seconds_count", "uri", "/api/v1/campaigns/{id}/pause",
                "status", "409")).isNotEmpty();
        assertThat(after.select("http_server_requests_seconds_count", "status", "401")).isNotEmpty();

        // security
        assertThat(delta(before, after, "campaign_security_login_failures_total")).isEqualTo(sent.failedLogins());
        assertThat(delta(before, after, "campaign_security_login_throttled_total")).isEqualTo(sent.throttledLogins());

        // the pool and the JVM
        assertThat(after.named("hikaricp_connections_active")).isNotEmpty();
        assertThat(after.named("hikaricp_connections_pending")).isNotEmpty();
        assertThat(after.named("jvm_memory_used_bytes")).isNotEmpty();
        assertThat(after.named("process_cpu_usage")).isNotEmpty();

        // bounded tags: no campaign id, no record id anywhere
        for (Sample sample : after.samples()) {
            for (String value : sample.labels().values()) {
                for (String id : sent.campaignIds()) {
                    assertThat(value).as(sample.name()).doesNotContain(id);
                }
                assertThat(value).as(sample.name()).doesNotContain("m-1").doesNotMatch(".*[0-9a-f]{8}-[0-9a-f]{4}-.*");
            }
        }
    }

    /** Every processor this node runs has caught up. */
    private boolean idle(Scrape scrape) {
        List<Sample> lags = scrape.named("campaign_processor_lag_events");
        return !lags.isEmpty() && lags.stream().allMatch(s -> s.value() == 0)
                && scrape.named("campaign_processor_lag_seconds").stream().allMatch(s -> s.value() == 0);
    }

    private static double delta(Scrape before, Scrape after, String name, String... labels) {
        return after.sum(name, labels) - before.sum(name, labels);
    }
}
