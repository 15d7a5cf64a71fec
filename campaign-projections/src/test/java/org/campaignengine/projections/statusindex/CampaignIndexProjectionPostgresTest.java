package org.campaignengine.projections.statusindex;

import java.util.Optional;

import org.opentest4j.TestAbortedException;

/**
 * The status index on PostgreSQL, in a schema of its own that is dropped after the class. Every test
 * is skipped, with the reason, when no server answers at {@link IndexDatabase#postgresUrl()}.
 */
class CampaignIndexProjectionPostgresTest extends CampaignIndexProjectionContract {

    @Override
    IndexDatabase openDatabase() throws Exception {
        Optional<String> problem = IndexDatabase.postgresProblem();
        if (problem.isPresent()) {
            throw new TestAbortedException(problem.get());
        }
        return IndexDatabase.postgres();
    }
}
