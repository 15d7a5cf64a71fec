package org.campaignengine.domain.campaign;

import java.time.Instant;

/**
 * The campaign's timers. Each payload names the time it was set for; a firing that no longer
 * matches the campaign's state is stale and does nothing, so timers are never cancelled and
 * at-least-once delivery is harmless.
 */
public final class CampaignDeadlines {

    static final String SCHEDULED_LAUNCH = "scheduled-launch";
    static final String END_DATE = "end-date";
    static final String INACTIVITY = "inactivity-check";

    private CampaignDeadlines() {
    }

    public record ScheduledLaunchDue(Instant launchAt) {
    }

    public record EndDateDue(Instant endAt) {
    }

    public record InactivityCheckDue(Instant dueAt) {
    }
}
