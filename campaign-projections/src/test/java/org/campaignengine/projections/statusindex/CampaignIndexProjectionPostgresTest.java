package org.campaignengine.projections.statusindex;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** The status index on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class CampaignIndexProjectionPostgresTest extends CampaignIndexProjectionContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
