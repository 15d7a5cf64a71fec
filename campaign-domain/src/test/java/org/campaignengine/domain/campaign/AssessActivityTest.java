package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.RuleMatchers.matching;

import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignengine.domain.campaign.ActivityVerdict.Refused;
import org.campaignengine.domain.campaign.CampaignCommand.AssessActivity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The campaign answers which records it admits and applies nothing: activity never enters its stream. */
class AssessActivityTest {

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = campaignFixture();
    }

    @Test
    void an_active_campaign_admits_a_sent_message_and_applies_nothing() {
        ActivityRecord sent = activity("r-1", ActivityType.MESSAGE_SENT, NOW);
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(new AssessActivity(CAMPAIGN, List.of(sent, sent)))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matching("accepted, then a duplicate in the batch",
                        ActivityDecision.class, d -> d.verdicts().equals(List.of(ActivityVerdict.ACCEPTED,
                                ActivityVerdict.DUPLICATE_IN_BATCH)) && d.refusedIds().isEmpty()
                                && d.status() == CampaignStatus.ACTIVE && d.version() == 2));
    }

    @Test
    void an_archived_campaign_refuses_a_reply_naming_its_status() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ARCHIVED)
                .when(new AssessActivity(CAMPAIGN, List.of(activity("r-1", ActivityType.REPLY_RECEIVED, NOW))))
                .expectNoEvents()
                .expectResultMessagePayloadMatching(matching("refused because ARCHIVED", ActivityDecision.class,
                        d -> d.verdicts().get(0) instanceof Refused refused && refused.reason().contains("ARCHIVED")
                                && d.refusedIds().contains("r-1")));
    }
}
