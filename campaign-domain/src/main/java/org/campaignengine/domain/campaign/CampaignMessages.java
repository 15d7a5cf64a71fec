package org.campaignengine.domain.campaign;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;

/**
 * Which campaign an event message is about, answered without opening its payload where the envelope
 * says: an event of a campaign's own stream by its aggregate identifier (the campaign's id), activity,
 * published outside any stream, by the {@link #CAMPAIGN_ID} it carries in its metadata. Every event
 * processor asks this of every event it reads (to keep each campaign's events in order), and an activity
 * event's payload is a batch of up to 10,000 records: opening it only to learn its campaign cost the
 * processors that never read the records (the audit trail and anchors) a full deserialisation each.
 */
public final class CampaignMessages {

    /** The metadata key an activity event names its campaign by. */
    public static final String CAMPAIGN_ID = "campaignId";

    static final String AGGREGATE_TYPE = Campaign.class.getSimpleName();

    private CampaignMessages() {
    }

    /**
     * Records per activity event. A request of up to 10,000 records is published as several events, so an
     * event's payload stays small (about 250 KB stored, 400 KB in memory): processors batch by count of events
     * (200), and Axon's event store keeps the newest events in memory by count too, so ten times larger events
     * held ten times the memory; a replay through a history of back-to-back full batches ran out of a 1 GB heap.
     */
    public static final int RECORDS_PER_EVENT = 1_000;

    /** The event messages of accepted activity, in order, each naming its campaign in its metadata. */
    public static List<EventMessage<ActivityRecorded>> activity(String campaignId, List<ActivityRecord> accepted) {
        List<EventMessage<ActivityRecorded>> messages = new ArrayList<>();
        for (int from = 0; from < accepted.size(); from += RECORDS_PER_EVENT) {
            List<ActivityRecord> part = List.copyOf(accepted.subList(from,
                    Math.min(accepted.size(), from + RECORDS_PER_EVENT)));
            messages.add(GenericEventMessage.<ActivityRecorded>asEventMessage(new ActivityRecorded(campaignId, part))
                    .andMetaData(Map.of(CAMPAIGN_ID, campaignId)));
        }
        return messages;
    }

    /**
     * The campaign the event is about: from the envelope when it says, else from a campaign event's payload
     * (activity stored before the metadata existed); empty for an event about no campaign.
     */
    public static Optional<String> campaignOf(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> own && AGGREGATE_TYPE.equals(own.getType())) {
            return Optional.of(own.getAggregateIdentifier());
        }
        Object named = event.getMetaData().get(CAMPAIGN_ID);
        if (named instanceof String campaign) {
            return Optional.of(campaign);
        }
        if (CampaignEvent.class.isAssignableFrom(event.getPayloadType())) {
            return Optional.of(((CampaignEvent) event.getPayload()).campaignId());
        }
        return Optional.empty();
    }
}
