package org.campaignengine.api.config;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.campaignengine.domain.campaign.Campaign;
import org.campaignengine.domain.campaign.CampaignEvent;

/**
 * Keeps each campaign's events in order within a processor: its lifecycle events and its activity,
 * which is published outside the campaign's stream (so it has no aggregate of its own to order by).
 *
 * <p>An event of a campaign's own stream is ordered by its aggregate identifier, which is the campaign's
 * id, so the policy never opens its payload: a processor's coordinator asks this for every event it reads,
 * for every segment, and deserialising there, on the one thread that feeds all the segments, cost a
 * quarter of its time in a replay. Only events outside any stream (activity) are opened for their id.
 */
final class CampaignSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    static final String CAMPAIGN_AGGREGATE = Campaign.class.getSimpleName();

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event instanceof DomainEventMessage<?> own && CAMPAIGN_AGGREGATE.equals(own.getType())) {
            return own.getAggregateIdentifier();
        }
        if (event.getPayload() instanceof CampaignEvent campaignEvent) {
            return campaignEvent.campaignId();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
