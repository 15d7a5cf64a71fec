package org.campaignengine.api.metrics;

import org.campaignengine.testsupport.ClassDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The metrics on PostgreSQL (profile {@code postgres}), in a database of its own, closed after the class. */
@PostgresTest
@ActiveProfiles("postgres")
@DirtiesContext
class PostgresMetricsTest extends MetricsScenarios {

    @RegisterExtension
    static final ClassDatabase database = new ClassDatabase();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", database::jdbcUrl);
    }
}
