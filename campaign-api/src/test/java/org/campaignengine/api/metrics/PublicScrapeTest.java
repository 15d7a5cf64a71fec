package org.campaignengine.api.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.campaignengine.api.e2e.EngineClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code campaign.metrics.public-scrape=true} opens the metrics to anyone, and nothing else. */
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "CAMPAIGN_ADMIN_PASSWORD=public-scrape-secret",
        "spring.datasource.url=jdbc:h2:mem:public-scrape;DB_CLOSE_DELAY=-1",
        "campaign.metrics.public-scrape=true"})
class PublicScrapeTest {

    @LocalServerPort
    int port;

    @Test
    void anyone_may_read_the_metrics_and_nothing_more() {
        EngineClient anonymous = new EngineClient(port, null, null);
        assertThat(anonymous.get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/prometheus").body().asText()).contains("campaign_activity_records_total");
        assertThat(anonymous.get("/actuator/metrics").status()).isEqualTo(200);
        assertThat(anonymous.get("/actuator/metrics/campaign.commands").status()).isIn(200, 404);
        assertThat(anonymous.get("/api/v1/campaigns").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/v1/users").status()).isEqualTo(401);
        assertThat(anonymous.get("/actuator/env").status()).isEqualTo(401);
    }
}
