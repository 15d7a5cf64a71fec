package org.campaignengine.api.audit;

import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.AfterEach;

import com.zaxxer.hikari.HikariDataSource;

/** {@link AuditTrailUpgradeContract} on PostgreSQL, in a database of its own, dropped after the test. */
@PostgresTest
class PostgresAuditTrailUpgradeTest extends AuditTrailUpgradeContract {

    private FreshDatabase database;

    @Override
    HikariDataSource storeAtVersion18() {
        database = FreshDatabase.create();
        return MigratedDatabase.open(database.jdbcUrl(), "postgresql", "18");
    }

    @Override
    String vendor() {
        return "postgresql";
    }

    @AfterEach
    void drop() {
        if (database != null) {
            database.close();
        }
    }
}
