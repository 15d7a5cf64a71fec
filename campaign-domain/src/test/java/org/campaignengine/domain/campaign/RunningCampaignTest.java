package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.RuleMatchers.*;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignengine.domain.campaign.CampaignCommand.*;
import org.campaignengine.domain.campaign.CampaignDeadlines.EndDateDue;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class RunningCampaignTest {

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = campaignFixture();
    }

    @Test
    void pause_of_an_active_campaign_pauses_it() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(new PauseCampaign(CAMPAIGN))
                .expectEvents(new Paused(ID))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.PAUSED, 3));
    }

    @Test
    void resume_of_a_paused_campaign_makes_it_active() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.PAUSED)
                .when(new ResumeCampaign(CAMPAIGN))
                .expectEvents(new Resumed(ID, null))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.ACTIVE, 4));
    }

    @Test
    void resume_of_a_suspended_campaign_states_that_its_cause_is_cleared() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.SUSPENDED)
                .when(new ResumeCampaign(CAMPAIGN))
                .expectEvents(new Resumed(ID, SUSPENSION));
    }

    @Test
    void suspend_of_an_active_campaign_keeps_its_reason() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(new SuspendCampaign(CAMPAIGN, SUSPENSION))
                .expectEvents(new Suspended(ID, SUSPENSION))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.SUSPENDED, 3));
    }

    @Test
    void suspend_without_a_reason_is_refused() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(new SuspendCampaign(CAMPAIGN, " "))
                .expectException(invalid("reason"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = CampaignStatus.class, names = {"SCHEDULED", "ACTIVE", "PAUSED", "SUSPENDED"})
    void stop_ends_a_scheduled_or_running_campaign(CampaignStatus status) {
        givenCampaign(fixture, Channel.VOICE, status)
                .when(new StopCampaign(CAMPAIGN))
                .expectEvents(new Stopped(ID, Channel.VOICE))
                .expectResultMessagePayloadMatching(matching("outcome in STOPPED", CommandOutcome.class,
                        outcome -> outcome.status() == CampaignStatus.STOPPED));
    }

    @Test
    void restart_of_a_stopped_sms_campaign_makes_it_active_again_until_its_end_date() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.STOPPED)
                .when(new RestartCampaign(CAMPAIGN))
                .expectEvents(new Restarted(ID))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.ACTIVE, 4))
                .expectScheduledDeadline(NOW.plus(END_AFTER), new EndDateDue(NOW.plus(END_AFTER)));
    }

    @Test
    void restart_of_a_stopped_voice_campaign_is_refused_pointing_to_a_new_campaign() {
        givenCampaign(fixture, Channel.VOICE, CampaignStatus.STOPPED)
                .when(new RestartCampaign(CAMPAIGN))
                .expectException(conflict(CampaignStatus.STOPPED, "archive", "clone", "tag"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("create a new campaign"))
                .expectNoEvents();
    }

    @Test
    void restart_of_a_campaign_stopped_before_it_ever_launched_is_refused() {
        fixture.given(created(Channel.SMS), new Scheduled(ID, LAUNCH_AT), new Stopped(ID, Channel.SMS))
                .when(new RestartCampaign(CAMPAIGN))
                .expectException(conflict(CampaignStatus.STOPPED, "archive", "clone", "tag"))
                .expectExceptionMessage(org.hamcrest.Matchers.containsString("before it ever launched"))
                .expectNoEvents();
    }

    @ParameterizedTest
    @EnumSource(value = CampaignStatus.class, names = {"ACTIVE", "PAUSED", "SUSPENDED"})
    void complete_by_hand_ends_a_running_campaign(CampaignStatus status) {
        givenCampaign(fixture, Channel.SMS, status)
                .when(new CompleteCampaign(CAMPAIGN))
                .expectEvents(new Completed(ID, false));
    }

    @Test
    void error_of_an_active_voice_campaign_keeps_the_error_details() {
        givenCampaign(fixture, Channel.VOICE, CampaignStatus.ACTIVE)
                .when(new MarkCampaignErrored(CAMPAIGN, "DIALER_DOWN", "the dialer stopped answering"))
                .expectEvents(new Errored(ID, "DIALER_DOWN", "the dialer stopped answering"))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.ERRORED, 3));
    }

    @Test
    void error_of_an_sms_campaign_is_refused() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(new MarkCampaignErrored(CAMPAIGN, "DIALER_DOWN", "no dialer"))
                .expectException(conflict(CampaignStatus.ACTIVE, "update", "pause", "suspend", "stop", "complete",
                        "archive", "clone", "tag"))
                .expectNoEvents();
    }

    @Test
    void error_without_details_is_refused() {
        givenCampaign(fixture, Channel.VOICE, CampaignStatus.ACTIVE)
                .when(new MarkCampaignErrored(CAMPAIGN, "DIALER_DOWN", null))
                .expectException(invalid("message"));
    }

    @Test
    void pause_of_a_paused_campaign_is_a_conflict_naming_status_and_allowed_actions() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.PAUSED)
                .when(new PauseCampaign(CAMPAIGN))
                .expectException(conflict(CampaignStatus.PAUSED, "update", "resume", "stop", "complete", "archive",
                        "clone", "tag"))
                .expectNoEvents();
    }
}
