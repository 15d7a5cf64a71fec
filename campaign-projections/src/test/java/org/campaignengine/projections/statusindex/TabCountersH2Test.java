package org.campaignengine.projections.statusindex;

import org.campaignengine.projections.ProjectionDatabase;

/** {@link TabCountersContract} on H2. */
class TabCountersH2Test extends TabCountersContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
