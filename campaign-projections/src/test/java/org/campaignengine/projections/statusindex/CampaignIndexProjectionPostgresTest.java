package org.campaignengine.projections.statusindex;

/**
 * The status index on PostgreSQL, in a schema of its own that is dropped after the class. Every test
 * is skipped, with the reason, when no server answers at {@link IndexDatabase#postgresUrl()}.
 */
class CampaignIndexProjectionPostgresTest extends CampaignIndexProjectionContract {

    @Override
    IndexDatabase openDatabase() throws Exception {
        return IndexDatabase.postgresOrSkip();
    }
}
