package org.campaignengine.projections.contacts;

import org.campaignengine.projections.ProjectionDatabase;

/** Contacts' delivery, opt-out, name and phone on H2. */
class ContactDeliveryH2Test extends ContactDeliveryContract {

    @Override
    ProjectionDatabase openDatabase() {
        return ProjectionDatabase.h2();
    }
}
