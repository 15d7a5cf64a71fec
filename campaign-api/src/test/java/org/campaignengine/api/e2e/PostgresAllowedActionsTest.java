package org.campaignengine.api.e2e;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@ExtendWith(PostgresDatabase.class)
@ActiveProfiles("postgres")
class PostgresAllowedActionsTest extends AllowedActionsScenarios {

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        String url = PostgresDatabase.createFresh();
        registry.add("spring.datasource.url", () -> url);
    }
}
