package org.campaignengine.projections.analytics;

import org.campaignengine.projections.ProjectionDatabase;

/** The activity series on H2, the application's embedded database. */
class ActivitySeriesH2Test extends ActivitySeriesContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
