package org.campaignengine.projections.scope;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** The read models' campaign rows gathered over a batch, on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class ScopeBatchPostgresTest extends ScopeBatchContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
