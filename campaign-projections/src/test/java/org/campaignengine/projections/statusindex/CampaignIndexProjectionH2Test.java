package org.campaignengine.projections.statusindex;

/** The status index on H2, the application's embedded database. */
class CampaignIndexProjectionH2Test extends CampaignIndexProjectionContract {

    @Override
    IndexDatabase openDatabase() {
        return IndexDatabase.h2();
    }
}
