package org.campaignengine.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.actuate.autoconfigure.observation.web.servlet.WebMvcObservationAutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Scans the domain too: its aggregates carry Axon's {@code @Aggregate} stereotype. Once started, a stop
 * signal closes the engine and exits with 0 when it closed cleanly ({@link StopSignals}).
 */
@SpringBootApplication(scanBasePackages = {"org.campaignengine.api", "org.campaignengine.domain"},
        // HTTP requests are timed by the engine's own filter (metrics.HttpRequestMetrics), at a fraction of the cost
        exclude = WebMvcObservationAutoConfiguration.class)
@ConfigurationPropertiesScan
public class CampaignEngineApplication {

    public static void main(String[] args) {
        StopSignals.exitCleanlyOn(SpringApplication.run(CampaignEngineApplication.class, args));
    }
}
