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

    @Revision("1")
    record Created(String campaignId, Channel channel, CampaignSettings settings, String clonedFrom)
            implements CampaignEvent {
    }

    /** {@code launchAt} is set when a scheduled campaign's launch time moved; null otherwise. */
    @Revision("1")
    record SettingsUpdated(String campaignId, CampaignSettings settings, List<String> changed, Instant launchAt,
                           boolean returnedToDraft) implements CampaignEvent {
    }

    @Revision("1")
    record Scheduled(String campaignId, Instant launchAt) implements CampaignEvent {
    }

    @Revision("1")
    record Unscheduled(String campaignId, Instant launchAt) implements CampaignEvent {
    }

    /** {@code scheduledFor} is the launch time when the engine launched a scheduled campaign, else null. */
    @Revision("1")
    record LaunchRequested(String campaignId, String launchId, Channel channel, CampaignSettings settings,
                           Instant scheduledFor) implements CampaignEvent {
    }

    @Revision("1")
    record Launched(String campaignId, String launchId, List<PhoneNumber> phoneNumbers, String useCaseId)
            implements CampaignEvent {
    }

    @Revision("1")
    record LaunchFailed(String campaignId, String launchId, String reason) implements CampaignEvent {
    }

    @Revision("1")
    record Rejected(String campaignId, String launchId, String reason) implements CampaignEvent {
    }

    @Revision("1")
    record Paused(String campaignId) implements CampaignEvent {
    }

    /** {@code clearedSuspension} is the suspension reason this resume declares cleared, if it was suspended. */
    @Revision("1")
    record Resumed(String campaignId, String clearedSuspension) implements CampaignEvent {
    }

    @Revision("1")
    record Suspended(String campaignId, String reason) implements CampaignEvent {
    }

    @Revision("1")
    record Stopped(String campaignId, Channel channel) implements CampaignEvent {
    }

    @Revision("1")
    record Restarted(String campaignId) implements CampaignEvent {
    }

    @Revision("1")
    record Completed(String campaignId, boolean endDateReached) implements CampaignEvent {
    }

    @Revision("1")
    record Errored(String campaignId, String code, String message) implements CampaignEvent {
    }

    /** {@code releasedNumbers} are the single-use numbers given back; reusable ones stay with their owner. */
    @Revision("1")
    record Archived(String campaignId, ArchiveReason reason, List<PhoneNumber> releasedNumbers, String useCaseId)
            implements CampaignEvent {
    }

    @Revision("1")
    record AutoArchiveWarned(String campaignId, Instant archiveAt) implements CampaignEvent {
    }

    @Revision("1")
    record Cloned(String campaignId, String cloneId) implements CampaignEvent {
    }

    @Revision("1")
    record Deleted(String campaignId) implements CampaignEvent {
    }

    @Revision("1")
    record ActivityRecorded(String campaignId, List<ActivityRecord> records) implements CampaignEvent {
    }
}
