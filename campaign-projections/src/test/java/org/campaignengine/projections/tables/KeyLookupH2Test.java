package org.campaignengine.projections.tables;

import org.campaignengine.projections.ProjectionDatabase;

/** {@link KeyLookupContract} on H2. */
class KeyLookupH2Test extends KeyLookupContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
