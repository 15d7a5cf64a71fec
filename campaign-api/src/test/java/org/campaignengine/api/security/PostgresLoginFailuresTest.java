package org.campaignengine.api.security;

import org.campaignengine.api.e2e.PostgresDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

import com.zaxxer.hikari.HikariDataSource;

/** Failed-login counts on PostgreSQL, where engine nodes really share them. Skipped without a server. */
@ExtendWith(PostgresDatabase.class)
class PostgresLoginFailuresTest extends LoginFailureScenarios {

    private static HikariDataSource database;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.open(PostgresDatabase.createFresh(), "postgresql");
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    HikariDataSource database() {
        return database;
    }
}
