package org.campaignengine.projections.scope;

import org.campaignengine.projections.ProjectionDatabase;

/** The read models' campaign rows gathered over a batch, on H2. */
class ScopeBatchH2Test extends ScopeBatchContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
