package org.campaignengine.projections.statusindex;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** Index pages and tab counts on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class CampaignIndexSearchPostgresTest extends CampaignIndexSearchContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
