package org.campaignengine.api.e2e;

import org.campaignengine.testsupport.FreshDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** Two nodes on PostgreSQL, one database: a fresh one per test. */
@PostgresTest
class PostgresSharedCampaignTest extends SharedCampaignScenarios {

    @Override
    EngineNodes nodes() {
        FreshDatabase database = FreshDatabase.create();
        return new EngineNodes(database.jdbcUrl(), "postgres").whenClosed(database::close);
    }
}
