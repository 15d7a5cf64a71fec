package org.campaignengine.projections.analytics;

import org.campaignengine.projections.ProjectionDatabase;

/** Analytics figures on H2, the application's embedded database. */
class AnalyticsFiguresH2Test extends AnalyticsFiguresContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
