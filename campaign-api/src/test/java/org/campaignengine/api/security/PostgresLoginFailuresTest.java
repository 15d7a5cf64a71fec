package org.campaignengine.api.security;

import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zaxxer.hikari.HikariDataSource;

/** Failed-login counts on PostgreSQL, where engine nodes really share them. */
@PostgresTest
class PostgresLoginFailuresTest extends LoginFailureScenarios {

    @RegisterExtension
    static final MigratedDatabase.PerClass database = MigratedDatabase.perClass();

    @Override
    HikariDataSource database() {
        return database.dataSource();
    }
}
