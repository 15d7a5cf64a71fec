package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignFixtures.*;

import java.time.Duration;
import java.time.Instant;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.TestExecutor;
import org.campaignengine.domain.campaign.CampaignCommand.*;
import org.campaignengine.domain.campaign.CampaignDeadlines.InactivityCheckDue;
import org.campaignengine.domain.campaign.CampaignEvent.*;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The 30-day inactivity window of the lifecycle rules' time rules: a warning 7 days before, then the archive. */
class AutoArchiveTest {

    private static final Instant WARN_AT = NOW.plus(Duration.ofDays(23));
    private static final Instant ARCHIVE_AT = NOW.plus(Duration.ofDays(30));
    private static final Instant DAY_20 = NOW.plus(Duration.ofDays(20));

    private final InMemoryActivityStore store = new InMemoryActivityStore();
    private AggregateTestFixture<Campaign> fixture;

    @BeforeEach
    void setUp() {
        fixture = campaignFixture(new FixtureClock(), TimeRules.defaults(), store);
    }

    /** Launched at {@link CampaignFixtures#NOW} through the command, so its timers are running. */
    private TestExecutor<Campaign> givenLaunched(Object... laterCommandsAtNow) {
        return givenCampaign(fixture, Channel.SMS, CampaignStatus.LAUNCHING)
                .andGivenCommands(new ConfirmLaunch(CAMPAIGN, LAUNCH, NUMBERS))
                .andGivenCommands(laterCommandsAtNow);
    }

    @Test
    void no_warning_while_more_than_7_days_of_the_window_remain() {
        givenLaunched()
                .whenThenTimeAdvancesTo(WARN_AT.minusSeconds(1))
                .expectNoEvents()
                .expectScheduledDeadline(WARN_AT, new InactivityCheckDue(WARN_AT));
    }

    @Test
    void auto_archive_warned_when_7_days_of_the_30_day_window_remain() {
        givenLaunched()
                .whenThenTimeAdvancesTo(WARN_AT)
                .expectEvents(new AutoArchiveWarned(ID, ARCHIVE_AT))
                .expectTriggeredDeadlines(new InactivityCheckDue(WARN_AT))
                .expectScheduledDeadline(ARCHIVE_AT, new InactivityCheckDue(ARCHIVE_AT));
    }

    @Test
    void auto_archive_after_30_days_without_activity_stops_a_running_campaign_first() {
        givenLaunched()
                .whenThenTimeAdvancesTo(ARCHIVE_AT)
                .expectEvents(new AutoArchiveWarned(ID, ARCHIVE_AT), new Stopped(ID, Channel.SMS),
                        new Archived(ID, ArchiveReason.AUTO_INACTIVITY, NUMBERS, USE_CASE));
    }

    @Test
    void auto_archive_of_a_completed_campaign_needs_no_stop() {
        givenLaunched(new CompleteCampaign(CAMPAIGN))
                .whenThenTimeAdvancesTo(ARCHIVE_AT)
                .expectEvents(new AutoArchiveWarned(ID, ARCHIVE_AT),
                        new Archived(ID, ArchiveReason.AUTO_INACTIVITY, NUMBERS, USE_CASE));
    }

    @Test
    void auto_archive_does_not_touch_a_campaign_archived_by_hand() {
        givenLaunched(new ArchiveCampaign(CAMPAIGN))
                .whenThenTimeAdvancesTo(ARCHIVE_AT.plus(Duration.ofDays(1)))
                .expectNoEvents();
    }

    @Test
    void activity_resets_the_inactivity_window() {
        givenLaunched();
        GivenTime.advanceTo(fixture, DAY_20);
        store.given(CAMPAIGN, DAY_20, activity("r-1", ActivityType.MESSAGE_SENT, DAY_20));
        fixture.andGivenCommands()
                .whenThenTimeAdvancesTo(WARN_AT)
                .expectNoEvents()
                .expectScheduledDeadline(DAY_20.plus(Duration.ofDays(23)),
                        new InactivityCheckDue(DAY_20.plus(Duration.ofDays(23))));
    }

    @Test
    void inbound_reply_resets_the_inactivity_window() {
        givenLaunched();
        GivenTime.advanceTo(fixture, DAY_20);
        store.given(CAMPAIGN, DAY_20, activity("r-1", ActivityType.REPLY_RECEIVED, DAY_20));
        fixture.andGivenCommands()
                .whenThenTimeAdvancesTo(ARCHIVE_AT)
                .expectNoEvents();
    }

    @Test
    void delivery_receipts_alone_do_not_reset_the_inactivity_window() {
        givenLaunched();
        GivenTime.advanceTo(fixture, DAY_20);
        store.given(CAMPAIGN, DAY_20, activity("r-1", ActivityType.MESSAGE_DELIVERED, DAY_20));
        fixture.andGivenCommands()
                .whenThenTimeAdvancesTo(WARN_AT)
                .expectEvents(new AutoArchiveWarned(ID, ARCHIVE_AT));
    }

    @Test
    void resume_resets_the_inactivity_window() {
        givenLaunched(new PauseCampaign(CAMPAIGN));
        GivenTime.advanceTo(fixture, DAY_20);
        fixture.andGivenCommands(new ResumeCampaign(CAMPAIGN))
                .whenThenTimeAdvancesTo(ARCHIVE_AT)
                .expectNoEvents();
    }

    @Test
    void restart_resets_the_inactivity_window() {
        givenLaunched(new StopCampaign(CAMPAIGN));
        GivenTime.advanceTo(fixture, DAY_20);
        fixture.andGivenCommands(new RestartCampaign(CAMPAIGN))
                .whenThenTimeAdvancesTo(ARCHIVE_AT)
                .expectNoEvents();
    }

    @Test
    void warning_comes_again_a_full_window_after_the_last_activity() {
        Instant newWarnAt = DAY_20.plus(Duration.ofDays(23));
        givenLaunched();
        GivenTime.advanceTo(fixture, DAY_20);
        store.given(CAMPAIGN, DAY_20, activity("r-1", ActivityType.AGENT_REPLIED, DAY_20));
        fixture.andGivenCommands()
                .whenThenTimeAdvancesTo(newWarnAt)
                .expectEvents(new AutoArchiveWarned(ID, DAY_20.plus(Duration.ofDays(30))));
    }
}
