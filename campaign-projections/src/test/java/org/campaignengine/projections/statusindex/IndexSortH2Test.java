package org.campaignengine.projections.statusindex;

import org.campaignengine.projections.ProjectionDatabase;

/** {@link IndexSortContract} on H2. */
class IndexSortH2Test extends IndexSortContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
