package org.campaignengine.api.e2e;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2DeadLetterTest extends DeadLetterScenarios {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:./target/e2e-h2/" + UUID.randomUUID() + "/engine;DB_CLOSE_ON_EXIT=FALSE");
    }
}
