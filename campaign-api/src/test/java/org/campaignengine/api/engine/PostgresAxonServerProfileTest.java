package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.campaignengine.testsupport.ClassDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@link AxonServerProfileScenarios} as documented, {@code postgres,axonserver}, on a fresh PostgreSQL
 * database: Flyway's whole history runs, the Java steps that rewrite the event table (14.2, 15) included.
 */
@PostgresTest
@ActiveProfiles({"postgres", "axonserver"})
class PostgresAxonServerProfileTest extends AxonServerProfileScenarios {

    @RegisterExtension
    static final ClassDatabase database = new ClassDatabase();

    @DynamicPropertySource
    static void store(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", database::jdbcUrl);
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void every_migration_ran_and_left_the_unused_event_table_empty() {
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success", String.class))
                .contains("14.2", "15");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM DomainEventEntry", Long.class)).isZero();
    }
}
