package org.campaignengine.projections.audit;

import org.campaignengine.projections.ProjectionDatabase;

/** The audit trail on H2. */
class AuditTrailH2Test extends AuditTrailContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
