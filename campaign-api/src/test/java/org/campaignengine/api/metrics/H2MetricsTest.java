package org.campaignengine.api.metrics;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The metrics on the embedded default: H2 in file mode, a fresh file per run under target/. */
class H2MetricsTest extends MetricsScenarios {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", MetricsEngine::h2);
    }
}
