package org.campaignengine.projections.statusindex;

/** Index pages and tab counts on H2. */
class CampaignIndexSearchH2Test extends CampaignIndexSearchContract {

    @Override
    IndexDatabase openDatabase() {
        return IndexDatabase.h2();
    }
}
