package org.campaignengine.api.e2e;

import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** Browser sessions on PostgreSQL, where several engine nodes share one database: a fresh one per test. */
@PostgresTest
class PostgresSharedSessionTest extends SharedSessionScenarios {

    @Override
    EngineNodes nodes() {
        FreshDatabase database = FreshDatabase.create();
        return new EngineNodes(database.jdbcUrl(), "postgres").whenClosed(database::close);
    }
}
