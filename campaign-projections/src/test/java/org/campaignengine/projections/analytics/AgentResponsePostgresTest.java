package org.campaignengine.projections.analytics;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** Agent responses on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class AgentResponsePostgresTest extends AgentResponseContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
