package org.campaignengine.domain.campaign;

import static org.campaignengine.domain.campaign.CampaignStatus.*;

import java.util.Optional;

import org.campaignengine.domain.campaign.CampaignEvent.*;

/**
 * The status each stored event leaves a campaign in, as the event meant it when it was written. The
 * aggregate's state, state as of ({@link PastCampaign}) and the status index all read history through
 * this one map, and it never asks {@link Transition}: the table decides what a campaign may do next, and
 * changing one of its rows must not re-read every campaign's past. Where the outcome depends on what an
 * event carries, the event says it (an edit records whether it returned a rejected campaign to DRAFT).
 * A new event type does not compile until it has its line here ({@link CampaignEvent.Visitor}).
 */
public final class EventMeaning {

    private EventMeaning() {
    }

    /** The status after {@code event}, for a campaign that was in {@code before} (null before it existed). */
    public static CampaignStatus statusAfter(CampaignStatus before, CampaignEvent event) {
        return statusSetBy(event).orElse(before);
    }

    /** The status the event sets whatever came before, or empty where it leaves the status as it was. */
    public static Optional<CampaignStatus> statusSetBy(CampaignEvent event) {
        return Optional.ofNullable(event.accept(SetStatus.INSTANCE));
    }

    /** Null: the event leaves the status as it was. */
    private enum SetStatus implements CampaignEvent.Visitor<CampaignStatus> {
        INSTANCE;

        @Override
        public CampaignStatus created(Created e) {
            return DRAFT;
        }

        @Override
        public CampaignStatus settingsUpdated(SettingsUpdated e) {
            return e.returnedToDraft() ? DRAFT : null;
        }

        @Override
        public CampaignStatus scheduled(Scheduled e) {
            return SCHEDULED;
        }

        @Override
        public CampaignStatus unscheduled(Unscheduled e) {
            return DRAFT;
        }

        @Override
        public CampaignStatus launchRequested(LaunchRequested e) {
            return LAUNCHING;
        }

        @Override
        public CampaignStatus launched(Launched e) {
            return ACTIVE;
        }

        /** A launch that failed, or a scheduled launch missed or not ready at its time: a draft again. */
        @Override
        public CampaignStatus launchFailed(LaunchFailed e) {
            return DRAFT;
        }

        @Override
        public CampaignStatus rejected(Rejected e) {
            return REJECTED;
        }

        @Override
        public CampaignStatus paused(Paused e) {
            return PAUSED;
        }

        @Override
        public CampaignStatus resumed(Resumed e) {
            return ACTIVE;
        }

        @Override
        public CampaignStatus suspended(Suspended e) {
            return SUSPENDED;
        }

        @Override
        public CampaignStatus stopped(Stopped e) {
            return STOPPED;
        }

        @Override
        public CampaignStatus restarted(Restarted e) {
            return ACTIVE;
        }

        @Override
        public CampaignStatus completed(Completed e) {
            return COMPLETED;
        }

        @Override
        public CampaignStatus errored(Errored e) {
            return ERRORED;
        }

        /** Archived from any status (a running campaign was stopped by the event before it). */
        @Override
        public CampaignStatus archived(Archived e) {
            return ARCHIVED;
        }

        @Override
        public CampaignStatus autoArchiveWarned(AutoArchiveWarned e) {
            return null;
        }

        /** The source keeps its status; the copy starts with its own {@link Created}. */
        @Override
        public CampaignStatus cloned(Cloned e) {
            return null;
        }

        @Override
        public CampaignStatus deleted(Deleted e) {
            return DELETED;
        }

        @Override
        public CampaignStatus activityRecorded(ActivityRecorded e) {
            return null;
        }
    }
}
