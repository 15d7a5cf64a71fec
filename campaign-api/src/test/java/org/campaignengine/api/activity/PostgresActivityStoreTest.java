package org.campaignengine.api.activity;

import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zaxxer.hikari.HikariDataSource;

/** The activity store on PostgreSQL, where engine nodes share it. */
@PostgresTest
class PostgresActivityStoreTest extends ActivityStoreScenarios {

    @RegisterExtension
    static final MigratedDatabase.PerClass database = MigratedDatabase.perClass();

    @Override
    HikariDataSource database() {
        return database.dataSource();
    }
}
