package org.campaignengine.projections.analytics;

import org.campaignengine.projections.ProjectionDatabase;

/** Agent responses on H2, the application's embedded database. */
class AgentResponseH2Test extends AgentResponseContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
