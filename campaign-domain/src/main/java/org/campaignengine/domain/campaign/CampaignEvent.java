package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.List;

import org.axonframework.serialization.Revision;

/**
 * Every fact in a campaign's life, in the products' vocabulary. Who caused it and when come from
 * the message envelope (metadata {@code actor}, {@code requestId}; the event timestamp); business
 * times are fields. Every event carries a revision so that a later change can be upcast.
 */
public sealed interface CampaignEvent {

    String campaignId();

    /** Hands the event to the visitor's method for its type (Java 17 has no switch over sealed types). */
    <R> R accept(Visitor<R> visitor);

    /**
     * One method per event: an implementation handles every event or does not compile, which is what an
     * exhaustive switch gives on later Java versions.
     */
    interface Visitor<R> {
        R created(Created e);

        R settingsUpdated(SettingsUpdated e);

        R scheduled(Scheduled e);

        R unscheduled(Unscheduled e);

        R launchRequested(LaunchRequested e);

        R launched(Launched e);

        R launchFailed(LaunchFailed e);

        R rejected(Rejected e);

        R paused(Paused e);

        R resumed(Resumed e);

        R suspended(Suspended e);

        R stopped(Stopped e);

        R restarted(Restarted e);

        R completed(Completed e);

        R errored(Errored e);

        R archived(Archived e);

        R autoArchiveWarned(AutoArchiveWarned e);

        R cloned(Cloned e);

        R deleted(Deleted e);

        R activityRecorded(ActivityRecorded e);
    }

    @Revision("1")
    record Created(String campaignId, Channel channel, CampaignSettings settings, String clonedFrom)
            implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.created(this);
        }
    }

    /** {@code launchAt} is set when a scheduled campaign's launch time moved; null otherwise. */
    @Revision("1")
    record SettingsUpdated(String campaignId, CampaignSettings settings, List<String> changed, Instant launchAt,
                           boolean returnedToDraft) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.settingsUpdated(this);
        }
    }

    @Revision("1")
    record Scheduled(String campaignId, Instant launchAt) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.scheduled(this);
        }
    }

    @Revision("1")
    record Unscheduled(String campaignId, Instant launchAt) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.unscheduled(this);
        }
    }

    /** {@code scheduledFor} is the launch time when the engine launched a scheduled campaign, else null. */
    @Revision("1")
    record LaunchRequested(String campaignId, String launchId, Channel channel, CampaignSettings settings,
                           Instant scheduledFor) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.launchRequested(this);
        }
    }

    @Revision("1")
    record Launched(String campaignId, String launchId, List<PhoneNumber> phoneNumbers, String useCaseId)
            implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.launched(this);
        }
    }

    @Revision("1")
    record LaunchFailed(String campaignId, String launchId, String reason) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.launchFailed(this);
        }
    }

    @Revision("1")
    record Rejected(String campaignId, String launchId, String reason) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.rejected(this);
        }
    }

    @Revision("1")
    record Paused(String campaignId) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.paused(this);
        }
    }

    /** {@code clearedSuspension} is the suspension reason this resume declares cleared, if it was suspended. */
    @Revision("1")
    record Resumed(String campaignId, String clearedSuspension) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.resumed(this);
        }
    }

    @Revision("1")
    record Suspended(String campaignId, String reason) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.suspended(this);
        }
    }

    @Revision("1")
    record Stopped(String campaignId, Channel channel) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.stopped(this);
        }
    }

    @Revision("1")
    record Restarted(String campaignId) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.restarted(this);
        }
    }

    @Revision("1")
    record Completed(String campaignId, boolean endDateReached) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.completed(this);
        }
    }

    @Revision("1")
    record Errored(String campaignId, String code, String message) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.errored(this);
        }
    }

    /** {@code releasedNumbers} are the single-use numbers given back; reusable ones stay with their owner. */
    @Revision("1")
    record Archived(String campaignId, ArchiveReason reason, List<PhoneNumber> releasedNumbers, String useCaseId)
            implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.archived(this);
        }
    }

    @Revision("1")
    record AutoArchiveWarned(String campaignId, Instant archiveAt) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.autoArchiveWarned(this);
        }
    }

    @Revision("1")
    record Cloned(String campaignId, String cloneId) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.cloned(this);
        }
    }

    @Revision("1")
    record Deleted(String campaignId) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.deleted(this);
        }
    }

    @Revision("1")
    record ActivityRecorded(String campaignId, List<ActivityRecord> records) implements CampaignEvent {
        @Override
        public <R> R accept(Visitor<R> visitor) {
            return visitor.activityRecorded(this);
        }
    }
}
