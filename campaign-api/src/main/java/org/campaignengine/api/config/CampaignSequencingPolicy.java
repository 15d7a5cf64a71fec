package org.campaignengine.api.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.campaignengine.domain.campaign.CampaignEvent;

/**
 * Keeps each campaign's events in order within a processor: its lifecycle events and its activity,
 * which is published outside the campaign's stream (so it has no aggregate of its own to order by).
 */
final class CampaignSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        if (event.getPayload() instanceof CampaignEvent campaignEvent) {
            return campaignEvent.campaignId();
        }
        return SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event);
    }
}
