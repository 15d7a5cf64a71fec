package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.RuleMatchers.conflict;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignengine.domain.campaign.CampaignCommand.CloneCampaign;
import org.campaignengine.domain.campaign.CampaignEvent.Cloned;
import org.campaignengine.domain.campaign.CampaignEvent.Created;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CloneTest {

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = campaignFixture();
    }

    @Test
    void clone_creates_a_draft_named_copy_of_the_source() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DRAFT)
                .when(new CloneCampaign(CAMPAIGN, CLONE, null))
                .expectEvents(new Cloned(ID, CLONE_ID),
                        new Created(CLONE_ID, Channel.SMS, smsSettings().toBuilder().name("Copy of Spring canvass")
                                .build(), ID))
                .expectResultMessagePayload(new CommandOutcome(CLONE_ID, CampaignStatus.DRAFT, 0));
    }

    @Test
    void clone_takes_the_name_it_is_given() {
        givenCampaign(fixture, Channel.VOICE, CampaignStatus.DRAFT)
                .when(new CloneCampaign(CAMPAIGN, CLONE, "Autumn phone bank"))
                .expectEvents(new Cloned(ID, CLONE_ID),
                        new Created(CLONE_ID, Channel.VOICE, voiceSettings().toBuilder().name("Autumn phone bank")
                                .build(), ID));
    }

    @Test
    void clone_of_an_archived_campaign_copies_its_settings_but_not_its_numbers_or_status() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ARCHIVED)
                .when(new CloneCampaign(CAMPAIGN, CLONE, null))
                .expectEvents(new Cloned(ID, CLONE_ID),
                        new Created(CLONE_ID, Channel.SMS, smsSettings().toBuilder().name("Copy of Spring canvass")
                                .build(), ID))
                .expectResultMessagePayload(new CommandOutcome(CLONE_ID, CampaignStatus.DRAFT, 0));
    }

    @ParameterizedTest
    @EnumSource(value = CampaignStatus.class, names = {"DELETED", "ERRORED"}, mode = EnumSource.Mode.EXCLUDE)
    void clone_is_allowed_from_every_status_but_deleted(CampaignStatus status) {
        givenCampaign(fixture, Channel.SMS, status)
                .when(new CloneCampaign(CAMPAIGN, CLONE, null))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new CommandOutcome(CLONE_ID, CampaignStatus.DRAFT, 0));
    }

    @Test
    void clone_of_an_errored_voice_campaign_is_allowed() {
        givenCampaign(fixture, Channel.VOICE, CampaignStatus.ERRORED)
                .when(new CloneCampaign(CAMPAIGN, CLONE, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void clone_of_a_deleted_campaign_is_refused() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DELETED)
                .when(new CloneCampaign(CAMPAIGN, CLONE, null))
                .expectException(conflict(CampaignStatus.DELETED))
                .expectNoEvents();
    }

    @Test
    void clone_name_stays_within_200_characters() {
        String longName = "n".repeat(200);
        fixture.givenCurrentTime(NOW).andGiven(created(Channel.SMS, smsSettings().toBuilder().name(longName).build()))
                .when(new CloneCampaign(CAMPAIGN, CLONE, null))
                .expectEvents(new Cloned(ID, CLONE_ID), new Created(CLONE_ID, Channel.SMS,
                        smsSettings().toBuilder().name(("Copy of " + longName).substring(0, 200)).build(), ID));
    }
}
