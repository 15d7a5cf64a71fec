package org.campaignengine.projections.statusindex;

import org.campaignengine.projections.ProjectionDatabase;

/** The status index on H2, the application's embedded database. */
class CampaignIndexProjectionH2Test extends CampaignIndexProjectionContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
