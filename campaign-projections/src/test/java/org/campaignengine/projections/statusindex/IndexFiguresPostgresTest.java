package org.campaignengine.projections.statusindex;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** {@link IndexFiguresContract} on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class IndexFiguresPostgresTest extends IndexFiguresContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
