package org.campaignengine.projections.statusindex;

import org.campaignengine.testsupport.PostgresTest;

/** Index pages and tab counts on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class CampaignIndexSearchPostgresTest extends CampaignIndexSearchContract {

    @Override
    IndexDatabase openDatabase() {
        return IndexDatabase.postgres();
    }
}
