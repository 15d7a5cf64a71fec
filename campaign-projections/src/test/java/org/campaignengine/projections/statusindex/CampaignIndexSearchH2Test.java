package org.campaignengine.projections.statusindex;

import org.campaignengine.projections.ProjectionDatabase;

/** Index pages and tab counts on H2. */
class CampaignIndexSearchH2Test extends CampaignIndexSearchContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
