package org.campaignengine.api.audit;

import java.time.Instant;

import org.axonframework.messaging.MetaData;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;

/**
 * Reads one stored activity batch by its global position (as the audit trail lists it), with the time it
 * was stored and its metadata: from the JDBC event table ({@link TableBatches}), or through Axon's
 * {@code EventStore} when Axon Server keeps the events ({@link StreamedBatches}).
 */
public interface StoredBatches {

    record Batch(ActivityRecorded event, Instant recordedAt, MetaData metaData) {
    }

    Batch at(long position);
}
