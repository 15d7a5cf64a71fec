package org.campaignengine.api.security;

import java.util.UUID;

import org.campaignengine.api.store.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.zaxxer.hikari.HikariDataSource;

/** Failed-login counts on the embedded store: one in-memory H2 shared by the "nodes" of this test. */
class H2LoginFailuresTest extends LoginFailureScenarios {

    private static HikariDataSource database;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.open("jdbc:h2:mem:login-failures-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "h2");
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Override
    HikariDataSource database() {
        return database;
    }
}
