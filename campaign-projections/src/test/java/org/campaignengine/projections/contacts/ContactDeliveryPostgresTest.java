package org.campaignengine.projections.contacts;

import org.campaignengine.projections.ProjectionDatabase;
import org.campaignengine.testsupport.PostgresTest;

/** Contacts' delivery, opt-out, name and phone on PostgreSQL, in a database of its own that is dropped after the class. */
@PostgresTest
class ContactDeliveryPostgresTest extends ContactDeliveryContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.postgres();
    }
}
