package org.campaignengine.api.idempotency;

import org.campaignengine.api.store.MigratedDatabase;
import org.campaignengine.testsupport.PostgresTest;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.zaxxer.hikari.HikariDataSource;

/** Idempotency-Key claims on PostgreSQL, where engine nodes really share them. */
@PostgresTest
class PostgresIdempotencyStoreTest extends IdempotencyStoreScenarios {

    @RegisterExtension
    static final MigratedDatabase.PerClass database = MigratedDatabase.perClass();

    @Override
    HikariDataSource database() {
        return database.dataSource();
    }
}
