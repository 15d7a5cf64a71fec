package org.campaignengine.api.e2e;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The engine on PostgreSQL (profile {@code postgres}), in a database of its own. Skipped without a server. */
@ExtendWith(PostgresDatabase.class)
@ActiveProfiles("postgres")
class PostgresEngineTest extends EngineScenarios {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.createFresh();
        registry.add("spring.datasource.url", () -> url);
    }
}
