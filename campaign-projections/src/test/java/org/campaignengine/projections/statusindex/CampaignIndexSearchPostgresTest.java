package org.campaignengine.projections.statusindex;

/** Index pages and tab counts on PostgreSQL; skipped, with the reason, when no server answers. */
class CampaignIndexSearchPostgresTest extends CampaignIndexSearchContract {

    @Override
    IndexDatabase openDatabase() throws Exception {
        return IndexDatabase.postgresOrSkip();
    }
}
