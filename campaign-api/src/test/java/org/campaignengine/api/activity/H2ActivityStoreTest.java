package org.campaignengine.api.activity;

import java.util.UUID;

import org.campaignengine.api.store.MigratedDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.zaxxer.hikari.HikariDataSource;

class H2ActivityStoreTest extends ActivityStoreScenarios {

    private static HikariDataSource database;

    @BeforeAll
    static void migrate() {
        database = MigratedDatabase.open("jdbc:h2:mem:activity-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "h2");
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
