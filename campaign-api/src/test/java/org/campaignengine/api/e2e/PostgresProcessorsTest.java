package org.campaignengine.api.e2e;

import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** Processors, segments and readiness on PostgreSQL, where several engine nodes share one database: a fresh one per test. */
@PostgresTest
class PostgresProcessorsTest extends ProcessorScenarios {

    @Override
    EngineNodes nodes() {
        FreshDatabase database = FreshDatabase.create();
        return new EngineNodes(database.jdbcUrl(), "postgres").whenClosed(database::close);
    }
}
