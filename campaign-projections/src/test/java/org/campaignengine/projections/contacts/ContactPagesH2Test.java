package org.campaignengine.projections.contacts;

import org.campaignengine.projections.ProjectionDatabase;

/** Contact pages, totals, replay and campaign scope on H2. */
class ContactPagesH2Test extends ContactPagesContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
