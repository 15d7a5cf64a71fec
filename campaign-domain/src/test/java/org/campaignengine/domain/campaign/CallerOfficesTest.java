package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignFixtures.*;

import java.util.List;
import java.util.Map;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignengine.domain.campaign.CampaignCommand.*;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A caller limited to some offices reaches only campaigns of those offices; the fixtures' campaign is in Boston. */
class CallerOfficesTest {

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = campaignFixture();
    }

    @Test
    void a_caller_of_another_office_cannot_command_the_campaign_as_if_it_did_not_exist() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(new PauseCampaign(CAMPAIGN), Map.of(CallerOffices.KEY, List.of("Chicago")))
                .expectException(CampaignOutOfScope.class)
                .expectNoEvents();
    }

    @Test
    void a_caller_of_the_campaigns_office_may_command_it() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(new PauseCampaign(CAMPAIGN), Map.of(CallerOffices.KEY, List.of("Chicago", "Boston")))
                .expectEvents(new Paused(ID));
    }

    @Test
    void a_caller_of_no_office_cannot_reach_any_campaign() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DRAFT)
                .when(new CloneCampaign(CAMPAIGN, CampaignId.of("clone-1"), null), Map.of(CallerOffices.KEY, List.of()))
                .expectException(CampaignOutOfScope.class)
                .expectNoEvents();
    }

    @Test
    void a_caller_without_an_office_limit_reaches_every_campaign() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(new PauseCampaign(CAMPAIGN))
                .expectEvents(new Paused(ID));
    }
}
