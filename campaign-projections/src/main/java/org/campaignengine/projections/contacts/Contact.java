package org.campaignengine.projections.contacts;

import static org.campaignengine.projections.tables.Columns.clip;
import static org.campaignengine.projections.tables.Columns.later;
import static org.campaignengine.projections.tables.Columns.personal;

import java.time.Instant;

import org.campaignengine.domain.campaign.ActivityRecord;
import org.campaignengine.domain.campaign.ActivityType;

/**
 * One contact as the contacts model keeps it, changed only by {@link #apply}: the delivery of its latest
 * message, whether it opted out, and the name and phone the latest record carrying them gave.
 *
 * <p>Services report sends and receipts from different systems, and a batch that failed may be sent again
 * after later ones, so "latest" goes by the records' own times, not by arrival: a send older than the
 * latest one known, a receipt of another message, or a receipt older than the one shown changes nothing.
 * Ties go to the record that arrived last. A receipt for a contact with no known send tells of a message
 * all the same and is shown.
 */
record Contact(String contactId, String name, String phone, Delivery delivery, String failedReason,
               String messageId, Instant sentAt, Instant deliveryAt, boolean optedOut, Instant lastActivityAt) {

    static final int NAME_WIDTH = 300;
    static final int PHONE_WIDTH = 64;
    static final int REASON_WIDTH = 1000;
    static final int MESSAGE_ID_WIDTH = 200;

    static Contact named(String contactId) {
        return new Contact(contactId, null, null, null, null, null, null, null, false, null);
    }

    /** The contact after {@code record}; {@code eventTime} stands in for a record without a time of its own. */
    Contact apply(ActivityRecord record, Instant eventTime) {
        Instant at = record.at() != null ? record.at() : eventTime;
        Contact seen = new Contact(contactId,
                record.contactName() != null ? personal(record.contactName(), NAME_WIDTH) : name,
                record.phone() != null ? personal(record.phone(), PHONE_WIDTH) : phone,
                delivery, failedReason, messageId, sentAt, deliveryAt,
                optedOut || record.type() == ActivityType.OPTED_OUT, later(lastActivityAt, at));
        String message = clip(record.messageId(), MESSAGE_ID_WIDTH);
        if (record.type() == ActivityType.MESSAGE_SENT) {
            return seen.sent(message, at);
        }
        return Delivery.reportedBy(record.type())
                .map(reported -> seen.receipt(reported, message, clip(record.reason(), REASON_WIDTH), at))
                .orElse(seen);
    }

    private Contact sent(String message, Instant at) {
        boolean sameMessage = messageId != null && messageId.equals(message);
        if (sameMessage || (sentAt != null && at.isBefore(sentAt))) {
            return this;
        }
        return new Contact(contactId, name, phone, Delivery.PENDING, null, message, at, null, optedOut,
                lastActivityAt);
    }

    private Contact receipt(Delivery reported, String message, String reason, Instant at) {
        String why = reported == Delivery.UNDELIVERED ? reason : null;
        if (delivery == null) {
            return new Contact(contactId, name, phone, reported, why, message, at, at, optedOut, lastActivityAt);
        }
        boolean otherMessage = message != null && messageId != null && !message.equals(messageId);
        if (otherMessage || (deliveryAt != null && at.isBefore(deliveryAt))) {
            return this;
        }
        return new Contact(contactId, name, phone, reported, why, messageId != null ? messageId : message, sentAt,
                at, optedOut, lastActivityAt);
    }

    /** The row as stored: name and phone still sealed until {@link ContactRow#opened}. */
    ContactRow row() {
        return new ContactRow(contactId, name, phone, delivery, failedReason, optedOut, lastActivityAt, false);
    }
}
