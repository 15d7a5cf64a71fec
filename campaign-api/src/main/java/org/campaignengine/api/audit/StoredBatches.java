package org.campaignengine.api.audit;

import java.time.Instant;

import org.axonframework.messaging.MetaData;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.projections.audit.AuditTrail;

/**
 * Reads one stored activity batch of a campaign, as the audit trail lists it, with the time it was stored
 * and its metadata: from the JDBC event table by the event's identifier ({@link TableBatches}), or through
 * Axon's {@code EventStore} by its position when Axon Server keeps the events ({@link StreamedBatches}).
 * Either way the stored event must be that campaign's activity batch; anything else fails the read, so an
 * export never carries another campaign's records.
 */
public interface StoredBatches {

    record Batch(ActivityRecorded event, Instant recordedAt, MetaData metaData) {
    }

    Batch of(String campaignId, AuditTrail.Stored batch);

    /** The stored payload, if it is the campaign's activity batch; anything else fails the read. */
    static ActivityRecorded belongingTo(String campaignId, AuditTrail.Stored batch, Object payload) {
        if (payload instanceof ActivityRecorded activity && campaignId.equals(activity.campaignId())) {
            return activity;
        }
        throw notTheBatch(campaignId, batch, payload instanceof ActivityRecorded other
                ? "campaign " + other.campaignId() + "'s activity" : "a " + payload.getClass().getSimpleName());
    }

    static IllegalStateException notTheBatch(String campaignId, AuditTrail.Stored batch, String found) {
        return new IllegalStateException("the audit trail lists event " + batch.eventId() + " (position "
                + batch.globalIndex() + ") as an activity batch of campaign " + campaignId + ", but the store holds "
                + found);
    }
}
