package org.campaignengine.projections.contacts;

import java.time.Instant;

import org.campaignengine.domain.privacy.PersonalData;

/**
 * One contact as the contacts page shows it. {@code delivery} is null for a contact never messaged
 * (named only by a reply, an opt-out, a click...): there is no message whose delivery could be told.
 * {@code erased}: the contact was forgotten, so its name and phone are gone (null) for good.
 */
public record ContactRow(String contactId, String name, String phone, Delivery delivery, String failedReason,
                         boolean optedOut, Instant lastActivityAt, boolean erased) {

    /** A contact whose name and phone were never erased. */
    public ContactRow(String contactId, String name, String phone, Delivery delivery, String failedReason,
                      boolean optedOut, Instant lastActivityAt) {
        this(contactId, name, phone, delivery, failedReason, optedOut, lastActivityAt, false);
    }

    /** The row with its name and phone opened as stored (sealed or not) for the reader. */
    ContactRow opened(PersonalData.Opener opener) {
        PersonalData.Revealed shownName = opener.open(contactId, name);
        PersonalData.Revealed shownPhone = opener.open(contactId, phone);
        return new ContactRow(contactId, shownName.text(), shownPhone.text(), delivery, failedReason, optedOut,
                lastActivityAt, shownName.erased() || shownPhone.erased());
    }
}
