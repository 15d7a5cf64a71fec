package org.campaignengine.domain.audit;

import org.axonframework.serialization.Revision;

/**
 * What auditors themselves do that the record must show (issue 10: every export and forget is recorded
 * with its actor). Published as events of no aggregate, with the caller's {@code actor} and
 * {@code requestId} metadata like every command's events, so the audit trail lists them.
 */
public sealed interface AuditRecord {

    /** The campaign the action concerned, or null when it concerned none. */
    String campaignId();

    /** A campaign's history and activity were exported, in {@code format} (jsonl or csv). */
    @Revision("1")
    record CampaignExported(String campaignId, String format) implements AuditRecord {
    }

    /**
     * A contact's key was destroyed on request (erasure): its name and phone number can no longer be read
     * anywhere; read models mark them erased. Concerns every campaign that named the contact, so no one.
     */
    @Revision("1")
    record ContactForgotten(String contactId) implements AuditRecord {
        @Override
        public String campaignId() {
            return null;
        }
    }
}
