package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands a campaign takes. Handlers answer with the campaign's status and version. */
public sealed interface CampaignCommand {

    CampaignId campaignId();

    record CreateCampaign(@TargetAggregateIdentifier CampaignId campaignId, Channel channel,
                          CampaignSettings settings) implements CampaignCommand {
    }

    /** Changes the listed fields to their values in {@code values}; {@code launchAt} moves a scheduled launch. */
    record UpdateSettings(@TargetAggregateIdentifier CampaignId campaignId, CampaignSettings values,
                          Set<SettingField> fields, Instant launchAt) implements CampaignCommand {
    }

    record ScheduleCampaign(@TargetAggregateIdentifier CampaignId campaignId, Instant launchAt)
            implements CampaignCommand {
    }

    record UnscheduleCampaign(@TargetAggregateIdentifier CampaignId campaignId) implements CampaignCommand {
    }

    record LaunchCampaign(@TargetAggregateIdentifier CampaignId campaignId) implements CampaignCommand {
    }

    record ConfirmLaunch(@TargetAggregateIdentifier CampaignId campaignId, LaunchId launchId,
                         List<PhoneNumber> phoneNumbers) implements CampaignCommand {
    }

    record FailLaunch(@TargetAggregateIdentifier CampaignId campaignId, LaunchId launchId, String reason)
            implements CampaignCommand {
    }

    record RejectLaunch(@TargetAggregateIdentifier CampaignId campaignId, LaunchId launchId, String reason)
            implements CampaignCommand {
    }

    record PauseCampaign(@TargetAggregateIdentifier CampaignId campaignId) implements CampaignCommand {
    }

    record ResumeCampaign(@TargetAggregateIdentifier CampaignId campaignId) implements CampaignCommand {
    }

    record SuspendCampaign(@TargetAggregateIdentifier CampaignId campaignId, String reason) implements CampaignCommand {
    }

    record StopCampaign(@TargetAggregateIdentifier CampaignId campaignId) implements CampaignCommand {
    }

    record RestartCampaign(@TargetAggregateIdentifier CampaignId campaignId) implements CampaignCommand {
    }

    record CompleteCampaign(@TargetAggregateIdentifier CampaignId campaignId) implements CampaignCommand {
    }

    record MarkCampaignErrored(@TargetAggregateIdentifier CampaignId campaignId, String code, String message)
            implements CampaignCommand {
    }

    record ArchiveCampaign(@TargetAggregateIdentifier CampaignId campaignId) implements CampaignCommand {
    }

    record CloneCampaign(@TargetAggregateIdentifier CampaignId campaignId, CampaignId cloneId, String name)
            implements CampaignCommand {
    }

    record DeleteCampaign(@TargetAggregateIdentifier CampaignId campaignId) implements CampaignCommand {
    }

    record RecordActivity(@TargetAggregateIdentifier CampaignId campaignId, List<ActivityRecord> records)
            implements CampaignCommand {
    }

    /**
     * Asks the campaign which of these records it admits now ({@link ActivityAdmission}); it answers an
     * {@link ActivityDecision} and applies nothing. The intake sends it on behalf of a {@link RecordActivity}.
     */
    record AssessActivity(@TargetAggregateIdentifier CampaignId campaignId, List<ActivityRecord> records)
            implements CampaignCommand {
    }
}
