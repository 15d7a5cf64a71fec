package org.campaignengine.projections.analytics;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** Analytics replays on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class AnalyticsReplayPostgresTest extends AnalyticsReplayContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
