package org.campaignengine.projections.analytics;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** Analytics figures on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class AnalyticsFiguresPostgresTest extends AnalyticsFiguresContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
