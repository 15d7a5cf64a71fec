package org.campaignengine.api.e2e;

import org.campaignengine.testsupport.ClassDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine on PostgreSQL (profile {@code postgres}), in a database of its own. The context is closed
 * after the class ({@code @DirtiesContext}) so that nothing holds the database when it is dropped.
 */
@PostgresTest
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresEngineTest extends EngineScenarios {

    @RegisterExtension
    static final ClassDatabase database = new ClassDatabase();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", database::jdbcUrl);
    }
}
