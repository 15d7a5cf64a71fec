package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.RuleMatchers.invalid;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignengine.domain.campaign.CampaignCommand.CreateCampaign;
import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreateCampaignTest {

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = campaignFixture();
    }

    @Test
    void create_makes_a_draft() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaign(CAMPAIGN, Channel.SMS, smsSettings()))
                .expectEvents(new Created(ID, Channel.SMS, smsSettings(), null))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.DRAFT, 0));
    }

    @Test
    void create_needs_nothing_but_a_name_and_a_channel() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaign(CAMPAIGN, Channel.VOICE, CampaignSettings.named("Phone bank")))
                .expectEvents(new Created(ID, Channel.VOICE, CampaignSettings.named("Phone bank"), null));
    }

    @Test
    void create_without_a_name_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaign(CAMPAIGN, Channel.SMS, CampaignSettings.named(null)))
                .expectException(invalid("name"))
                .expectNoEvents();
    }

    @Test
    void create_with_a_blank_name_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaign(CAMPAIGN, Channel.SMS, CampaignSettings.named("  ")))
                .expectException(invalid("name"));
    }

    @Test
    void create_accepts_a_one_character_name() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaign(CAMPAIGN, Channel.SMS, CampaignSettings.named("X")))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void create_accepts_a_name_of_200_characters() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaign(CAMPAIGN, Channel.SMS, CampaignSettings.named("n".repeat(200))))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void create_refuses_a_name_of_201_characters() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaign(CAMPAIGN, Channel.SMS, CampaignSettings.named("n".repeat(201))))
                .expectException(invalid("name"))
                .expectNoEvents();
    }

    @Test
    void create_without_a_channel_is_refused() {
        fixture.givenNoPriorActivity()
                .when(new CreateCampaign(CAMPAIGN, null, smsSettings()))
                .expectException(invalid("channel"))
                .expectNoEvents();
    }
}
