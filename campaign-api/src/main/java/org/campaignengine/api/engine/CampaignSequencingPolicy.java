package org.campaignengine.api.engine;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.async.SequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.campaignengine.domain.campaign.CampaignMessages;

/**
 * Keeps each campaign's events in order within a processor: its lifecycle events and its activity,
 * which is published outside the campaign's stream (so it has no aggregate of its own to order by).
 *
 * <p>A processor's coordinator asks this for every event it reads, on the one thread that feeds all the
 * segments, so the campaign comes from the envelope ({@link CampaignMessages#campaignOf}), never from a
 * deserialised payload where the envelope says: opening every event there cost a quarter of a replay's
 * coordinator time, and every activity batch was parsed once more by every processor's coordinator.
 */
final class CampaignSequencingPolicy implements SequencingPolicy<EventMessage<?>> {

    @Override
    public Object getSequenceIdentifierFor(EventMessage<?> event) {
        return CampaignMessages.campaignOf(event).map(Object.class::cast)
                .orElseGet(() -> SequentialPerAggregatePolicy.instance().getSequenceIdentifierFor(event));
    }
}
