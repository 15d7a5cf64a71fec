package org.campaignengine.projections.contacts;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** Contact pages, totals, replay and campaign scope on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class ContactPagesPostgresTest extends ContactPagesContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
