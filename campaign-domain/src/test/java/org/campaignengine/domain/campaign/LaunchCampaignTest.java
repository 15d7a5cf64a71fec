package org.campaignengine.domain.campaign;

import static org.axonframework.test.matchers.Matchers.*;
import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.RuleMatchers.notReady;

import java.time.Duration;
import java.util.List;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignengine.domain.campaign.CampaignCommand.*;
import org.campaignengine.domain.campaign.CampaignDeadlines.EndDateDue;
import org.campaignengine.domain.campaign.CampaignDeadlines.InactivityCheckDue;
import org.campaignengine.domain.campaign.CampaignEvent.LaunchFailed;
import org.campaignengine.domain.campaign.CampaignEvent.LaunchRequested;
import org.campaignengine.domain.campaign.CampaignEvent.Launched;
import org.campaignengine.domain.campaign.CampaignEvent.Rejected;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LaunchCampaignTest {

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = campaignFixture();
    }

    @Test
    void launch_of_a_ready_draft_requests_the_launch_with_its_settings() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DRAFT)
                .when(new LaunchCampaign(CAMPAIGN))
                .expectEventsMatching(payloadsMatching(exactSequenceOf(
                        RuleMatchers.matching("LaunchRequested now, with the campaign's settings",
                                LaunchRequested.class, e -> e.campaignId().equals(ID) && e.launchId() != null
                                        && e.channel() == Channel.SMS && e.settings().equals(smsSettings())
                                        && e.scheduledFor() == null),
                        andNoMore())))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.LAUNCHING, 1));
    }

    @Test
    void launch_of_a_draft_that_is_not_ready_is_refused_with_the_missing_list() {
        fixture.givenCurrentTime(NOW)
                .andGiven(created(Channel.VOICE, CampaignSettings.named("Phone bank")))
                .when(new LaunchCampaign(CAMPAIGN))
                .expectException(notReady("contactList", "script", "startAt", "endAt", "openHours", "timeZone",
                        "areaCodes"))
                .expectNoEvents();
    }

    @Test
    void launch_outcome_launched_makes_the_campaign_active_and_starts_its_timers() {
        Duration warnAfter = Duration.ofDays(23);
        givenCampaign(fixture, Channel.SMS, CampaignStatus.LAUNCHING)
                .when(new ConfirmLaunch(CAMPAIGN, LAUNCH, NUMBERS))
                .expectEvents(new Launched(ID, LAUNCH_ID, NUMBERS, USE_CASE))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.ACTIVE, 2))
                .expectScheduledDeadline(NOW.plus(END_AFTER), new EndDateDue(NOW.plus(END_AFTER)))
                .expectScheduledDeadline(NOW.plus(warnAfter), new InactivityCheckDue(NOW.plus(warnAfter)));
    }

    @Test
    void launch_outcome_launch_failed_returns_the_campaign_to_draft_with_its_reason() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.LAUNCHING)
                .when(new FailLaunch(CAMPAIGN, LAUNCH, "no phone number is available in area code 999"))
                .expectEvents(new LaunchFailed(ID, LAUNCH_ID, "no phone number is available in area code 999"))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.DRAFT, 2));
    }

    @Test
    void launch_outcome_rejected_keeps_the_content_check_reason() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.LAUNCHING)
                .when(new RejectLaunch(CAMPAIGN, LAUNCH, "it contains the denied term \"casino\""))
                .expectEvents(new Rejected(ID, LAUNCH_ID, "it contains the denied term \"casino\""))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.REJECTED, 2));
    }

    @Test
    void launch_outcome_delivered_twice_is_applied_once() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.ACTIVE)
                .when(new ConfirmLaunch(CAMPAIGN, LAUNCH, NUMBERS))
                .expectNoEvents()
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.ACTIVE, 2));
    }

    @Test
    void launch_outcome_for_an_earlier_launch_changes_nothing() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.LAUNCHING)
                .when(new FailLaunch(CAMPAIGN, LaunchId.of("an-older-launch"), "too late"))
                .expectNoEvents();
    }

    @Test
    void launch_of_a_campaign_with_a_reusable_number_needs_no_area_codes() {
        CampaignSettings reusable = smsSettings().toBuilder().areaCodes(List.of())
                .phoneNumberMode(PhoneNumberMode.REUSABLE).reusableNumber("+16175550123").build();
        fixture.givenCurrentTime(NOW)
                .andGiven(created(Channel.SMS, reusable))
                .when(new LaunchCampaign(CAMPAIGN))
                .expectSuccessfulHandlerExecution()
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.LAUNCHING, 1));
    }
}
