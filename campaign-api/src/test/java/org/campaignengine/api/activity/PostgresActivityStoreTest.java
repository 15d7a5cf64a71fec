package org.campaignengine.api.activity;

import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.zaxxer.hikari.HikariDataSource;

/** The activity store on PostgreSQL, where engine nodes share it. */
@PostgresTest
class PostgresActivityStoreTest extends ActivityStoreScenarios {

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
