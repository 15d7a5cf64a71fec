package org.campaignengine.api.engine;

import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.zaxxer.hikari.HikariDataSource;

/** On H2, which has no such setting, a read model's transaction is an ordinary one. */
class H2ReadModelCommitsTest extends ReadModelCommitsScenarios {

    static HikariDataSource h2;

    @BeforeAll
    static void open() {
        h2 = new HikariDataSource();
        h2.setJdbcUrl("jdbc:h2:mem:read-model-commits-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @AfterAll
    static void close() {
        h2.close();
    }

    @Override
    HikariDataSource database() {
        return h2;
    }
}
