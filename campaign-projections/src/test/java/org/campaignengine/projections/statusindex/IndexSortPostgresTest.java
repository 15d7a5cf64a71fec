package org.campaignengine.projections.statusindex;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** {@link IndexSortContract} on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class IndexSortPostgresTest extends IndexSortContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
