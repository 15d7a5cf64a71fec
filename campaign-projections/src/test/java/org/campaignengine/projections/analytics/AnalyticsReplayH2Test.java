package org.campaignengine.projections.analytics;

import org.campaignengine.projections.ProjectionDatabase;

/** Analytics replays on H2, the application's embedded database. */
class AnalyticsReplayH2Test extends AnalyticsReplayContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
