package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.RuleMatchers.*;

import java.time.Duration;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.campaignengine.domain.campaign.CampaignCommand.ScheduleCampaign;
import org.campaignengine.domain.campaign.CampaignCommand.UnscheduleCampaign;
import org.campaignengine.domain.campaign.CampaignDeadlines.ScheduledLaunchDue;
import org.campaignengine.domain.campaign.CampaignEvent.Scheduled;
import org.campaignengine.domain.campaign.CampaignEvent.Unscheduled;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScheduleCampaignTest {

    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = campaignFixture();
    }

    @Test
    void schedule_of_a_ready_draft_queues_its_launch() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DRAFT)
                .when(new ScheduleCampaign(CAMPAIGN, LAUNCH_AT))
                .expectEvents(new Scheduled(ID, LAUNCH_AT))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.SCHEDULED, 1))
                .expectScheduledDeadline(LAUNCH_AT, new ScheduledLaunchDue(LAUNCH_AT));
    }

    @Test
    void schedule_of_a_draft_that_is_not_launch_ready_names_what_is_missing() {
        fixture.givenCurrentTime(NOW)
                .andGiven(created(Channel.SMS, smsSettings().toBuilder().initialMessage(null).areaCodes(null).build()))
                .when(new ScheduleCampaign(CAMPAIGN, LAUNCH_AT))
                .expectException(notReady("initialMessage", "areaCodes"))
                .expectNoEvents()
                .expectNoScheduledDeadlines();
    }

    @Test
    void schedule_earlier_than_the_minimum_lead_time_after_creation_is_refused() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DRAFT)
                .when(new ScheduleCampaign(CAMPAIGN, NOW.plus(Duration.ofMinutes(29))))
                .expectException(invalid("launchAt"))
                .expectNoEvents();
    }

    @Test
    void schedule_exactly_the_minimum_lead_time_after_creation_is_accepted() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DRAFT)
                .when(new ScheduleCampaign(CAMPAIGN, NOW.plus(Duration.ofMinutes(30))))
                .expectEvents(new Scheduled(ID, NOW.plus(Duration.ofMinutes(30))));
    }

    @Test
    void schedule_lead_time_counts_from_creation_not_from_now() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DRAFT)
                .andGivenCurrentTime(NOW.plus(Duration.ofMinutes(25)))
                .when(new ScheduleCampaign(CAMPAIGN, NOW.plus(Duration.ofMinutes(30))))
                .expectEvents(new Scheduled(ID, NOW.plus(Duration.ofMinutes(30))));
    }

    @Test
    void schedule_honours_a_configured_minimum_lead_time() {
        TimeRules defaults = TimeRules.defaults();
        AggregateTestFixture<Campaign> strict = campaignFixture(new FixtureClock(), new TimeRules(Duration.ofHours(2),
                defaults.lockWindow(), defaults.autoArchiveAfter(), defaults.autoArchiveWarnBefore(),
                defaults.lateLaunchGrace()));
        givenCampaign(strict, Channel.SMS, CampaignStatus.DRAFT)
                .when(new ScheduleCampaign(CAMPAIGN, NOW.plus(Duration.ofMinutes(90))))
                .expectException(invalid("launchAt"));
    }

    @Test
    void schedule_after_the_end_date_is_refused() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.DRAFT)
                .when(new ScheduleCampaign(CAMPAIGN, NOW.plus(END_AFTER).plusSeconds(1)))
                .expectException(invalid("launchAt"));
    }

    @Test
    void unschedule_returns_the_campaign_to_draft() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.SCHEDULED)
                .when(new UnscheduleCampaign(CAMPAIGN))
                .expectEvents(new Unscheduled(ID, LAUNCH_AT))
                .expectResultMessagePayload(new CommandOutcome(ID, CampaignStatus.DRAFT, 2));
    }

    @Test
    void unschedule_within_an_hour_of_the_launch_is_refused() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.SCHEDULED)
                .andGivenCurrentTime(LAUNCH_AT.minus(Duration.ofMinutes(59)))
                .when(new UnscheduleCampaign(CAMPAIGN))
                .expectException(conflict(CampaignStatus.SCHEDULED, "stop", "clone"))
                .expectNoEvents();
    }

    @Test
    void unschedule_just_over_an_hour_before_the_launch_is_accepted() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.SCHEDULED)
                .andGivenCurrentTime(LAUNCH_AT.minus(Duration.ofMinutes(61)))
                .when(new UnscheduleCampaign(CAMPAIGN))
                .expectEvents(new Unscheduled(ID, LAUNCH_AT));
    }
}
