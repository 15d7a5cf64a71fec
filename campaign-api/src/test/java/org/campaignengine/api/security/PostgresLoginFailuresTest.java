package org.campaignengine.api.security;

import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.campaignengine.api.store.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.zaxxer.hikari.HikariDataSource;

/** Failed-login counts on PostgreSQL, where engine nodes really share them. */
@PostgresTest
class PostgresLoginFailuresTest extends LoginFailureScenarios {

    private static FreshDatabase fresh;
    private static HikariDataSource database;

    @BeforeAll
    static void migrate() {
        fresh = FreshDatabase.create();
        database = MigratedDatabase.open(fresh.jdbcUrl(), "postgresql");
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
        if (fresh != null) {
            fresh.close();
        }
    }

    @Override
    HikariDataSource database() {
        return database;
    }
}
