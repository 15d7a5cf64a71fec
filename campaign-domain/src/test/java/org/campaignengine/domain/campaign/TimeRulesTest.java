package org.campaignengine.domain.campaign;

import static org.axonframework.test.matchers.Matchers.*;
import static org.campaignengine.domain.campaign.CampaignFixtures.*;
import static org.campaignengine.domain.campaign.RuleMatchers.matching;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.campaignengine.domain.campaign.CampaignCommand.*;
import org.campaignengine.domain.campaign.CampaignDeadlines.EndDateDue;
import org.campaignengine.domain.campaign.CampaignDeadlines.ScheduledLaunchDue;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** the lifecycle rules' time rules with the default durations, driven by the fixture's simulated time. */
class TimeRulesTest {

    private final FixtureClock clock = new FixtureClock();
    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = campaignFixture(clock);
    }

    private TestExecutor<Campaign> givenScheduledByCommand() {
        return fixture.givenCurrentTime(NOW).andGiven(created(Channel.SMS))
                .andGivenCommands(new ScheduleCampaign(CAMPAIGN, LAUNCH_AT));
    }

    private static org.hamcrest.Matcher<LaunchRequested> launchRequestedFor(Instant scheduledFor) {
        return matching("LaunchRequested for " + scheduledFor, LaunchRequested.class,
                e -> e.launchId() != null && scheduledFor.equals(e.scheduledFor()));
    }

    @Test
    void scheduled_campaign_launches_itself_at_its_time() {
        givenScheduledByCommand()
                .whenThenTimeAdvancesTo(LAUNCH_AT)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(launchRequestedFor(LAUNCH_AT), andNoMore())))
                .expectTriggeredDeadlines(new ScheduledLaunchDue(LAUNCH_AT));
    }

    @Test
    void scheduled_campaign_does_not_launch_before_its_time() {
        givenScheduledByCommand()
                .whenThenTimeAdvancesTo(LAUNCH_AT.minusSeconds(1))
                .expectNoEvents()
                .expectScheduledDeadline(LAUNCH_AT, new ScheduledLaunchDue(LAUNCH_AT));
    }

    @Test
    void scheduled_launch_found_more_than_15_minutes_overdue_fails_as_missed() {
        clock.runLate(Duration.ofMinutes(15).plusSeconds(1));
        givenScheduledByCommand()
                .whenThenTimeAdvancesTo(LAUNCH_AT)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(matching("LaunchFailed, missed",
                        LaunchFailed.class, e -> e.reason().contains("missed its launch time")), andNoMore())));
    }

    @Test
    void scheduled_launch_found_15_minutes_overdue_still_launches() {
        clock.runLate(Duration.ofMinutes(15));
        givenScheduledByCommand()
                .whenThenTimeAdvancesTo(LAUNCH_AT)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(launchRequestedFor(LAUNCH_AT), andNoMore())));
    }

    @Test
    void scheduled_campaign_no_longer_ready_at_its_time_fails_naming_what_is_missing() {
        CampaignSettings endsJustAfterLaunch = smsSettings().toBuilder().endAt(LAUNCH_AT.plusSeconds(60)).build();
        clock.runLate(Duration.ofMinutes(2));
        fixture.givenCurrentTime(NOW).andGiven(created(Channel.SMS, endsJustAfterLaunch))
                .andGivenCommands(new ScheduleCampaign(CAMPAIGN, LAUNCH_AT))
                .whenThenTimeAdvancesTo(LAUNCH_AT)
                .expectEvents(new LaunchFailed(ID, null, "not ready at its launch time; missing: endAt"));
    }

    @Test
    void lock_window_refuses_unschedule_from_exactly_one_hour_before_launch() {
        givenCampaign(fixture, Channel.SMS, CampaignStatus.SCHEDULED)
                .andGivenCurrentTime(LAUNCH_AT.minus(Duration.ofHours(1)))
                .when(new UnscheduleCampaign(CAMPAIGN))
                .expectException(LifecycleViolation.class);
    }

    @Test
    void lock_window_refuses_moving_the_launch_time() {
        givenCampaign(fixture, Channel.VOICE, CampaignStatus.SCHEDULED)
                .andGivenCurrentTime(LAUNCH_AT.minus(Duration.ofMinutes(30)))
                .when(new UpdateSettings(CAMPAIGN, voiceSettings(), java.util.Set.of(), LAUNCH_AT.plus(Duration.ofHours(2))))
                .expectException(RuleMatchers.fieldConflict(CampaignStatus.SCHEDULED, "launchAt"));
    }

    @Test
    void end_date_reached_completes_the_campaign() {
        Instant endAt = NOW.plus(Duration.ofDays(10));
        givenLaunchedByCommand(smsSettings().toBuilder().endAt(endAt).build())
                .whenThenTimeAdvancesTo(endAt)
                .expectEvents(new Completed(ID, true))
                .expectTriggeredDeadlines(new EndDateDue(endAt));
    }

    @Test
    void end_date_moved_while_active_completes_at_the_new_date_and_the_old_timer_does_nothing() {
        Instant endAt = NOW.plus(Duration.ofDays(10));
        Instant movedTo = NOW.plus(Duration.ofDays(20));
        givenLaunchedByCommand(smsSettings().toBuilder().endAt(endAt).build())
                .andGivenCommands(new UpdateSettings(CAMPAIGN, CampaignSettings.builder().endAt(movedTo).build(),
                        java.util.EnumSet.of(SettingField.END_AT), null))
                .whenThenTimeAdvancesTo(NOW.plus(Duration.ofDays(15)))
                .expectNoEvents()
                .expectTriggeredDeadlines(new EndDateDue(endAt))
                .expectScheduledDeadline(movedTo, new EndDateDue(movedTo));
    }

    private TestExecutor<Campaign> givenLaunchedByCommand(CampaignSettings settings) {
        return fixture.givenCurrentTime(NOW)
                .andGiven(created(Channel.SMS, settings), new LaunchRequested(ID, LAUNCH_ID, Channel.SMS, settings, null))
                .andGivenCommands(new ConfirmLaunch(CAMPAIGN, LAUNCH, NUMBERS));
    }

    @Test
    void stale_launch_timer_of_an_unscheduled_campaign_does_nothing() {
        givenScheduledByCommand()
                .andGivenCommands(new UnscheduleCampaign(CAMPAIGN))
                .whenThenTimeAdvancesTo(LAUNCH_AT)
                .expectNoEvents()
                .expectTriggeredDeadlines(new ScheduledLaunchDue(LAUNCH_AT));
    }

    @Test
    void stale_launch_timer_of_a_moved_launch_does_nothing_and_the_new_one_launches() {
        Instant movedTo = LAUNCH_AT.plus(Duration.ofHours(3));
        givenScheduledByCommand()
                .andGivenCommands(new UpdateSettings(CAMPAIGN, smsSettings(), java.util.Set.of(), movedTo))
                .whenThenTimeAdvancesTo(movedTo)
                .expectEventsMatching(payloadsMatching(exactSequenceOf(launchRequestedFor(movedTo), andNoMore())))
                .expectTriggeredDeadlines(new ScheduledLaunchDue(LAUNCH_AT), new ScheduledLaunchDue(movedTo));
    }

    @Test
    void stale_launch_timer_of_a_stopped_scheduled_campaign_does_nothing() {
        givenScheduledByCommand()
                .andGivenCommands(new StopCampaign(CAMPAIGN))
                .whenThenTimeAdvancesTo(LAUNCH_AT)
                .expectNoEvents();
    }
}
