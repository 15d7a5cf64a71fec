package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.Optional;

import org.axonframework.deadline.DeadlineManager;
import org.campaignengine.domain.campaign.CampaignDeadlines.EndDateDue;
import org.campaignengine.domain.campaign.CampaignDeadlines.InactivityCheckDue;
import org.campaignengine.domain.campaign.CampaignDeadlines.ScheduledLaunchDue;
import org.campaignengine.domain.campaign.CampaignEvent.LaunchFailed;
import org.campaignengine.domain.campaign.CampaignEvent.LaunchRequested;

/**
 * Sets the campaign's timers and decides what a due one does. Timers are never cancelled: each payload
 * names the time it was set for, and {@link #stale} firings (the campaign moved on since) do nothing, so
 * at-least-once delivery is harmless.
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

    /** An edit that moved the launch time or the end date sets the timer for the new one. */
    void after(SettingsEdit edit) {
        if (edit.movedLaunch() != null) {
            scheduledLaunch(edit.movedLaunch());
        }
        if (edit.endMoved()) {
            endDate(edit.next().endAt());
        }
    }

    void inactivityCheck(Instant dueAt) {
        deadlines.schedule(dueAt, CampaignDeadlines.INACTIVITY, new InactivityCheckDue(dueAt));
    }

    /**
     * What a due scheduled launch does once the transition table allows it: fail if the launch time was
     * missed (the engine was down past the grace) or the campaign is not ready, else request the launch.
     */
    static CampaignEvent launchDue(CampaignState state, Situation situation, Instant now, TimeRules rules,
                                   LaunchId next) {
        String id = state.id().value();
        if (rules.launchMissed(state.launchAt(), now)) {
            return new LaunchFailed(id, null, "missed its launch time " + state.launchAt()
                    + " (the engine was unavailable); schedule it again");
        }
        if (!situation.missing().isEmpty()) {
            return new LaunchFailed(id, null, "not ready at its launch time; missing: "
                    + String.join(", ", situation.missing()));
        }
        return new LaunchRequested(id, next.value(), state.channel(), state.settings(), state.launchAt());
    }

    /**
     * Where the inactivity window stands as its timer fires (§3): before the warning time, look again
     * then; before the archive time, warn (once) and look again then; after it, archive
     * ({@code checkAgainAt} null). The last activity is the later of the state's and the one the intake noted.
     */
    record Inactivity(Instant archiveAt, Instant checkAgainAt, boolean warning) {
        boolean archive() {
            return checkAgainAt == null;
        }

        boolean warns(CampaignState state) {
            return warning && !archiveAt.equals(state.warnedArchiveAt());
        }
    }

    static Inactivity inactivity(CampaignState state, Optional<Instant> noted, Instant now, TimeRules rules) {
        Instant lastActivity = noted.filter(at -> at.isAfter(state.lastActivityAt()))
                .orElse(state.lastActivityAt());
        Instant warnAt = rules.autoArchiveWarningAt(lastActivity);
        Instant archiveAt = rules.autoArchiveAt(lastActivity);
        if (now.isBefore(warnAt)) {
            return new Inactivity(archiveAt, warnAt, false);
        }
        return new Inactivity(archiveAt, now.isBefore(archiveAt) ? archiveAt : null, true);
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
