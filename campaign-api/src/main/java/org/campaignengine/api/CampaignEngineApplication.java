package org.campaignengine.api;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Scans the domain too: its aggregates carry Axon's {@code @Aggregate} stereotype. */
@SpringBootApplication(scanBasePackages = {"org.campaignengine.api", "org.campaignengine.domain"})
@ConfigurationPropertiesScan
public class CampaignEngineApplication {

    public static void main(String[] args) {
        SpringApplication.run(CampaignEngineApplication.class, args);
    }
}
