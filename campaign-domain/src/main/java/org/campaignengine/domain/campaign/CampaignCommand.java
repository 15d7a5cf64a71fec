package org.campaignengine.domain.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** The commands a campaign takes. Handlers answer with the campaign's status and version. */
public sealed interface CampaignCommand {

    String campaignId();

    record CreateCampaign(@TargetAggregateIdentifier String campaignId, Channel channel,
                          CampaignSettings settings) implements CampaignCommand {
    }

    /** Changes the listed fields to their values in {@code values}; {@code launchAt} moves a scheduled launch. */
    record UpdateSettings(@TargetAggregateIdentifier String campaignId, CampaignSettings values,
                          Set<SettingField> fields, Instant launchAt) implements CampaignCommand {
    }

    record ScheduleCampaign(@TargetAggregateIdentifier String campaignId, Instant launchAt)
            implements CampaignCommand {
    }

    record UnscheduleCampaign(@TargetAggregateIdentifier String campaignId) implements CampaignCommand {
    }

    record LaunchCampaign(@TargetAggregateIdentifier String campaignId) implements CampaignCommand {
    }

    record ConfirmLaunch(@TargetAggregateIdentifier String campaignId, String launchId,
                         List<PhoneNumber> phoneNumbers) implements CampaignCommand {
    }

    record FailLaunch(@TargetAggregateIdentifier String campaignId, String launchId, String reason)
            implements CampaignCommand {
    }

    record RejectLaunch(@TargetAggregateIdentifier String campaignId, String launchId, String reason)
            implements CampaignCommand {
    }

    record PauseCampaign(@TargetAggregateIdentifier String campaignId) implements CampaignCommand {
    }

    record ResumeCampaign(@TargetAggregateIdentifier String campaignId) implements CampaignCommand {
    }

    record SuspendCampaign(@TargetAggregateIdentifier String campaignId, String reason) implements CampaignCommand {
    }

    record StopCampaign(@TargetAggregateIdentifier String campaignId) implements CampaignCommand {
    }

    record RestartCampaign(@TargetAggregateIdentifier String campaignId) implements CampaignCommand {
    }

    record CompleteCampaign(@TargetAggregateIdentifier String campaignId) implements CampaignCommand {
    }

    record MarkCampaignErrored(@TargetAggregateIdentifier String campaignId, String code, String message)
            implements CampaignCommand {
    }

    record ArchiveCampaign(@TargetAggregateIdentifier String campaignId) implements CampaignCommand {
    }

    record CloneCampaign(@TargetAggregateIdentifier String campaignId, String cloneId, String name)
            implements CampaignCommand {
    }

    record DeleteCampaign(@TargetAggregateIdentifier String campaignId) implements CampaignCommand {
    }

    record RecordActivity(@TargetAggregateIdentifier String campaignId, List<ActivityRecord> records)
            implements CampaignCommand {
    }
}
