package org.campaignengine.api.security;

import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.zaxxer.hikari.HikariDataSource;

/** Failed-login counts on PostgreSQL, where engine nodes really share them. */
@PostgresTest
class PostgresLoginFailuresTest extends LoginFailureScenarios {

    private static MigratedDatabase.Fresh database;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.postgres();
    }

    @AfterAll
    static void close() {
        if (database != null) {
            database.close();
        }
    }

    @Override
    HikariDataSource database() {
        return database.dataSource();
    }
}
