package org.campaignengine.projections.analytics;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** The activity series on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class ActivitySeriesPostgresTest extends ActivitySeriesContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
