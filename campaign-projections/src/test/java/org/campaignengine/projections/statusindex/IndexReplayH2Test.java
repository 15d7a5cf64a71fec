package org.campaignengine.projections.statusindex;

import org.campaignengine.projections.ProjectionDatabase;

/** {@link IndexReplayContract} on H2. */
class IndexReplayH2Test extends IndexReplayContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
