package org.campaignengine.domain.campaign;

import java.time.Instant;

import org.axonframework.deadline.DeadlineManager;
import org.campaignengine.domain.campaign.CampaignDeadlines.EndDateDue;
import org.campaignengine.domain.campaign.CampaignDeadlines.InactivityCheckDue;
import org.campaignengine.domain.campaign.CampaignDeadlines.ScheduledLaunchDue;

/**
 * Sets the campaign's timers. Timers are never cancelled: each payload names the time it was set for,
 * and {@link #stale} firings (the campaign moved on since) do nothing, so at-least-once delivery is harmless.
 */
final class CampaignTimers {

    private final DeadlineManager deadlines;

    CampaignTimers(DeadlineManager deadlines) {
        this.deadlines = deadlines;
    }

    void scheduledLaunch(Instant launchAt) {
        deadlines.schedule(launchAt, CampaignDeadlines.SCHEDULED_LAUNCH, new ScheduledLaunchDue(launchAt));
    }

    void endDate(Instant endAt) {
        deadlines.schedule(endAt, CampaignDeadlines.END_DATE, new EndDateDue(endAt));
    }

    void inactivityCheck(Instant dueAt) {
        deadlines.schedule(dueAt, CampaignDeadlines.INACTIVITY, new InactivityCheckDue(dueAt));
    }

    static boolean stale(ScheduledLaunchDue due, CampaignState state) {
        return !due.launchAt().equals(state.launchAt());
    }

    /** The end date moved since, or the timer fired early. */
    static boolean stale(EndDateDue due, CampaignState state, Instant now) {
        Instant endAt = state.settings().endAt();
        return endAt == null || !endAt.equals(due.endAt()) || now.isBefore(due.endAt());
    }
}
