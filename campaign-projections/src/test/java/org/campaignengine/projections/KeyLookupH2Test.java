package org.campaignengine.projections;

/** {@link KeyLookupContract} on H2. */
class KeyLookupH2Test extends KeyLookupContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
