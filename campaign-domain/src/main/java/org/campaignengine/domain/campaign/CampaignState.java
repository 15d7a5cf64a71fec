package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.List;

import org.campaignengine.domain.campaign.CampaignEvent.*;

/**
 * What the campaign's decisions need, as one immutable value. {@link #apply} is the only way it
 * changes: the status as the stored event means it ({@link EventMeaning}), everything else from the
 * event's facts.
 */
record CampaignState(
        CampaignId id,
        Channel channel,
        CampaignStatus status,
        CampaignSettings settings,
        Instant createdAt,
        Instant launchAt,
        LaunchId launchId,
        List<PhoneNumber> phoneNumbers,
        String useCaseId,
        String suspendedReason,
        Instant lastActivityAt,
        Instant warnedArchiveAt,
        boolean everLaunched) {

    /** Before its first event a campaign does not exist. */
    static final CampaignState NONE = new CampaignState(null, null, null, null, null, null, null, List.of(), null,
            null, null, null, false);

    /** The state after {@code event}, stored at {@code at}. */
    CampaignState apply(CampaignEvent event, Instant at) {
        CampaignState next = event.accept(new Evolution(this, at));
        return next.with(EventMeaning.statusAfter(status, event));
    }

    Situation situation(Instant now, TimeRules rules) {
        return Situation.of(status, channel, settings, launchAt, everLaunched, now, rules);
    }

    private CampaignState with(CampaignStatus newStatus) {
        return new CampaignState(id, channel, newStatus, settings, createdAt, launchAt, launchId, phoneNumbers,
                useCaseId, suspendedReason, lastActivityAt, warnedArchiveAt, everLaunched);
    }

    private CampaignState withSettings(CampaignSettings newSettings, Instant newLaunchAt) {
        return new CampaignState(id, channel, status, newSettings, createdAt, newLaunchAt, launchId, phoneNumbers,
                useCaseId, suspendedReason, lastActivityAt, warnedArchiveAt, everLaunched);
    }

    private CampaignState withLaunch(Instant newLaunchAt, LaunchId newLaunchId) {
        return new CampaignState(id, channel, status, settings, createdAt, newLaunchAt, newLaunchId, phoneNumbers,
                useCaseId, suspendedReason, lastActivityAt, warnedArchiveAt, everLaunched);
    }

    private CampaignState withNumbers(List<PhoneNumber> numbers, String useCase, boolean launched) {
        return new CampaignState(id, channel, status, settings, createdAt, launchAt, launchId, List.copyOf(numbers),
                useCase, suspendedReason, lastActivityAt, warnedArchiveAt, launched);
    }

    private CampaignState withSuspension(String reason) {
        return new CampaignState(id, channel, status, settings, createdAt, launchAt, launchId, phoneNumbers,
                useCaseId, reason, lastActivityAt, warnedArchiveAt, everLaunched);
    }

    /** Activity, launch, resume and restart restart the inactivity window and clear the warning (§3). */
    private CampaignState activeAt(Instant at) {
        return new CampaignState(id, channel, status, settings, createdAt, launchAt, launchId, phoneNumbers,
                useCaseId, suspendedReason, at, null, everLaunched);
    }

    private CampaignState warned(Instant archiveAt) {
        return new CampaignState(id, channel, status, settings, createdAt, launchAt, launchId, phoneNumbers,
                useCaseId, suspendedReason, lastActivityAt, archiveAt, everLaunched);
    }

    /** The facts of each event; the status is {@link EventMeaning}'s. */
    private record Evolution(CampaignState s, Instant at) implements CampaignEvent.Visitor<CampaignState> {

        @Override
        public CampaignState created(Created e) {
            return new CampaignState(CampaignId.of(e.campaignId()), e.channel(), null, e.settings(), at, null, null,
                    List.of(), null, null, null, null, false);
        }

        @Override
        public CampaignState settingsUpdated(SettingsUpdated e) {
            return s.withSettings(e.settings(), e.launchAt() != null ? e.launchAt() : s.launchAt);
        }

        @Override
        public CampaignState scheduled(Scheduled e) {
            return s.withLaunch(e.launchAt(), s.launchId);
        }

        @Override
        public CampaignState unscheduled(Unscheduled e) {
            return s.withLaunch(null, s.launchId);
        }

        @Override
        public CampaignState launchRequested(LaunchRequested e) {
            return s.withLaunch(s.launchAt, LaunchId.of(e.launchId()));
        }

        @Override
        public CampaignState launched(Launched e) {
            return s.withNumbers(e.phoneNumbers(), e.useCaseId(), true).activeAt(at);
        }

        @Override
        public CampaignState launchFailed(LaunchFailed e) {
            return s.withLaunch(null, s.launchId);
        }

        @Override
        public CampaignState rejected(Rejected e) {
            return s;
        }

        @Override
        public CampaignState paused(Paused e) {
            return s;
        }

        @Override
        public CampaignState resumed(Resumed e) {
            return s.withSuspension(null).activeAt(at);
        }

        @Override
        public CampaignState suspended(Suspended e) {
            return s.withSuspension(e.reason());
        }

        @Override
        public CampaignState stopped(Stopped e) {
            return s;
        }

        @Override
        public CampaignState restarted(Restarted e) {
            return s.activeAt(at);
        }

        @Override
        public CampaignState completed(Completed e) {
            return s;
        }

        @Override
        public CampaignState errored(Errored e) {
            return s;
        }

        /** Single-use numbers go back; reusable ones stay with their owner. */
        @Override
        public CampaignState archived(Archived e) {
            return s.withNumbers(s.phoneNumbers.stream().filter(p -> !p.singleUse()).toList(), s.useCaseId,
                    s.everLaunched);
        }

        @Override
        public CampaignState autoArchiveWarned(AutoArchiveWarned e) {
            return s.warned(e.archiveAt());
        }

        @Override
        public CampaignState cloned(Cloned e) {
            return s;
        }

        @Override
        public CampaignState deleted(Deleted e) {
            return s;
        }

        /** Only in streams written before activity moved to its own store; it is no aggregate event now. */
        @Override
        public CampaignState activityRecorded(ActivityRecorded e) {
            return e.records().stream().anyMatch(r -> r.type().resetsInactivity()) ? s.activeAt(at) : s;
        }
    }
}
