package org.campaignengine.projections.statusindex;

import java.util.Optional;

import org.opentest4j.TestAbortedException;

/** Index pages and tab counts on PostgreSQL; skipped, with the reason, when no server answers. */
class CampaignIndexSearchPostgresTest extends CampaignIndexSearchContract {

    @Override
    IndexDatabase openDatabase() throws Exception {
        Optional<String> problem = IndexDatabase.postgresProblem();
        if (problem.isPresent()) {
            throw new TestAbortedException(problem.get());
        }
        return IndexDatabase.postgres();
    }
}
