package org.campaignengine.projections.audit;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** The audit trail on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class AuditTrailPostgresTest extends AuditTrailContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
