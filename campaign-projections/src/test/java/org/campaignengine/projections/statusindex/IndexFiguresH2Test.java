package org.campaignengine.projections.statusindex;

import org.campaignengine.projections.ProjectionDatabase;

/** {@link IndexFiguresContract} on H2. */
class IndexFiguresH2Test extends IndexFiguresContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
