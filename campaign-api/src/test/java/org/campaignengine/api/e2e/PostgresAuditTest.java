package org.campaignengine.api.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.campaignengine.api.e2e.Campaigns.record;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.campaignengine.api.e2e.EngineClient.Reply;
import org.campaignengine.domain.campaign.CampaignMessages;
import org.campaignengine.testsupport.ClassDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AuditScenarios} on PostgreSQL, in a database of its own, dropped after the class; and the export
 * of a campaign with 100,000 activity records, run here only because the production store takes them in
 * several times faster than the embedded one (the export code is the same on both).
 */
@PostgresTest
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresAuditTest extends AuditScenarios {

    @RegisterExtension
    static final ClassDatabase database = new ClassDatabase();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", database::jdbcUrl);
    }

    @Test
    void an_export_of_a_campaign_with_100000_activity_records_is_streamed_not_built_in_memory() throws Exception {
        String id = active("Big export canvass");
        int batches = 10;
        for (int b = 0; b < batches; b++) {
            List<Map<String, Object>> records = new ArrayList<>();
            for (int i = 0; i < 10_000; i++) {
                records.add(record("big-" + b + "-" + i, "MESSAGE_SENT"));
            }
            Reply sent = admin.post(CAMPAIGNS + "/" + id + "/activity", Map.of("records", records));
            assertThat(sent.body().path("accepted").asInt()).isEqualTo(10_000);
        }
        Awaitility.await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250)).until(() ->
                count(admin.get("/api/v1/audit/events?type=ActivityRecorded&size=500").body(), id)
                        == batches * (10_000 / CampaignMessages.RECORDS_PER_EVENT));

        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + CAMPAIGNS + "/" + id
                        + "/export?format=jsonl"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("admin:" + EngineScenarios.PASSWORD).getBytes(StandardCharsets.UTF_8))).build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Length")).as("streamed, not measured first").isEmpty();
        long activity = 0;
        long events = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("{\"kind\":\"activity\"")) {
                    activity++;
                } else {
                    events++;
                }
            }
        }
        assertThat(activity).isEqualTo(100_000);
        assertThat(events).isEqualTo(3);
    }

}
