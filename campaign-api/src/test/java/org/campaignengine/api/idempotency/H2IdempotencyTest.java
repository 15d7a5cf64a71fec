package org.campaignengine.api.idempotency;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link IdempotencyScenarios} on the embedded default: H2 in file mode, a fresh file per run under target/. */
class H2IdempotencyTest extends IdempotencyScenarios {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url",
                () -> "jdbc:h2:file:./target/e2e-h2/" + UUID.randomUUID() + "/engine;DB_CLOSE_ON_EXIT=FALSE");
    }
}
