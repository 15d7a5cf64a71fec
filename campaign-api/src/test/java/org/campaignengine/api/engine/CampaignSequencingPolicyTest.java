package org.campaignengine.api.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.campaignengine.domain.campaign.CampaignEvent.ActivityRecorded;
import org.campaignengine.domain.campaign.CampaignEvent.Paused;
import org.campaignengine.domain.campaign.CampaignMessages;
import org.junit.jupiter.api.Test;

class CampaignSequencingPolicyTest {

    private final CampaignSequencingPolicy policy = new CampaignSequencingPolicy();

    @Test
    void a_campaign_event_of_its_own_stream_is_ordered_by_its_aggregate_without_opening_the_payload() {
        GenericDomainEventMessage<Paused> event = new GenericDomainEventMessage<>("Campaign", "c-1", 3,
                new Paused("payload-never-read"));

        assertThat(policy.getSequenceIdentifierFor(event)).isEqualTo("c-1");
    }

    @Test
    void activity_published_outside_any_stream_is_ordered_by_the_campaign_it_names() {
        GenericEventMessage<ActivityRecorded> activity = new GenericEventMessage<>(
                new ActivityRecorded("c-1", List.of()));

        assertThat(policy.getSequenceIdentifierFor(activity)).isEqualTo("c-1");
    }

    @Test
    void activity_naming_its_campaign_in_the_metadata_is_ordered_without_opening_the_payload() {
        EventMessage<ActivityRecorded> activity = new GenericEventMessage<>(new ActivityRecorded("payload-never-read",
                List.of())).andMetaData(Map.of(CampaignMessages.CAMPAIGN_ID, "c-2"));

        assertThat(policy.getSequenceIdentifierFor(activity)).isEqualTo("c-2");
    }

    @Test
    void a_campaign_and_its_activity_fall_in_the_same_sequence() {
        Object lifecycle = policy.getSequenceIdentifierFor(new GenericDomainEventMessage<>("Campaign", "c-9", 0,
                new Paused("c-9")));
        Object activity = policy.getSequenceIdentifierFor(new GenericEventMessage<>(
                new ActivityRecorded("c-9", List.of())));

        assertThat(lifecycle).isEqualTo(activity);
    }

    @Test
    void events_of_other_aggregates_are_ordered_per_aggregate() {
        GenericDomainEventMessage<String> other = new GenericDomainEventMessage<>("NumberPool", "pool-1", 0, "taken");

        assertThat(policy.getSequenceIdentifierFor(other)).isEqualTo("pool-1");
    }
}
