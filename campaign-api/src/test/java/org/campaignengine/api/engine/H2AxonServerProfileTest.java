package org.campaignengine.api.engine;

import java.util.UUID;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link AxonServerProfileScenarios} with everything but the events on H2. */
@ActiveProfiles("axonserver")
class H2AxonServerProfileTest extends AxonServerProfileScenarios {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:./target/axonserver-h2/" + UUID.randomUUID() + "/engine;DB_CLOSE_ON_EXIT=FALSE");
    }
}
